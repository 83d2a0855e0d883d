// JKK transport: the amounts claimed per mode, each mode capped on its own.
import { component } from './components';
import { rupiah, sum } from './money';
import { TRANSPORT_MODES, type Regulation, type TransportMode } from './regulations/types';
import type { BenefitComponent, TransportClaim } from './schema';

const MODE_NAMES: Record<TransportMode, string> = { land: 'land/river/lake', sea: 'sea', air: 'air' };

export interface TransportLine {
  mode: TransportMode;
  claimed: number;
  cap: number;
  paid: number;
}

export function transportLines(regulation: Regulation, claims: readonly TransportClaim[]): TransportLine[] {
  return TRANSPORT_MODES.flatMap((mode) => {
    const forMode = claims.filter((claim) => claim.mode === mode);
    if (forMode.length === 0) return [];
    const claimed = sum(forMode.map((claim) => claim.amount));
    const cap = regulation.jkk.transportCaps[mode];
    return [{ mode, claimed, cap, paid: Math.min(claimed, cap) }];
  });
}

export function transportComponent(
  regulation: Regulation,
  claims: readonly TransportClaim[],
): BenefitComponent {
  const lines = transportLines(regulation, claims);
  const amount = sum(lines.map((line) => line.paid));
  const parts = lines.map(
    (line) =>
      `${MODE_NAMES[line.mode]} ${rupiah(line.claimed)} claimed, ${
        line.claimed > line.cap ? `capped at ${rupiah(line.cap)}` : `within the cap of ${rupiah(line.cap)}`
      }`,
  );
  return component(
    'transport',
    amount,
    regulation.basis.transport,
    `Transport: ${parts.join('; ')}; paid ${rupiah(amount)}.`,
  );
}
