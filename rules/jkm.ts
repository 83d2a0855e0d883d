// JKM: death not caused by a work accident. Fixed amounts, whatever the wage.
import { fixedComponent, periodicComponent } from './components';
import type { Regulation } from './regulations/types';
import type { BenefitComponent } from './schema';

export function jkmDeathComponents(regulation: Regulation): BenefitComponent[] {
  const { jkm, basis } = regulation;
  return [
    fixedComponent('lump_sum', jkm.lumpSum, basis.jkm_lump_sum, 'lump sum', 'for a death not caused by work'),
    periodicComponent(jkm.periodic, basis.jkm_periodic),
    fixedComponent('funeral', jkm.funeral, basis.jkm_funeral, 'funeral allowance'),
  ];
}
