// The cash components of a case on a given wage: the event's own benefits, then STMB and transport.
import { temporaryIncapacityComponent } from './incapacity';
import { jkkDeathComponents } from './jkk-death';
import { partialDisabilityComponent, totalDisabilityComponents } from './jkk-disability';
import { jkmDeathComponents } from './jkm';
import type { Regulation } from './regulations/types';
import type { BenefitComponent, QuoteRequest } from './schema';
import { transportComponent } from './transport';

/** Assumes a request already checked by checkCase (program, event and their details agree). */
export function cashComponents(
  regulation: Regulation,
  request: QuoteRequest,
  monthlyWage: number,
): BenefitComponent[] {
  if (request.program === 'JKM') return jkmDeathComponents(regulation);
  const components: BenefitComponent[] = [];
  if (request.event === 'death') components.push(...jkkDeathComponents(regulation, monthlyWage));
  if (request.event === 'permanent_total_disability') {
    components.push(...totalDisabilityComponents(regulation, monthlyWage));
  }
  if (request.event === 'partial_disability' && request.disability) {
    components.push(partialDisabilityComponent(regulation, monthlyWage, request.disability));
  }
  if (request.incapacity)
    components.push(temporaryIncapacityComponent(regulation, monthlyWage, request.incapacity));
  if (request.transport && request.transport.length > 0) {
    components.push(transportComponent(regulation, request.transport));
  }
  return components;
}
