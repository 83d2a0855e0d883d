export { claimWorkflow } from './claim';
export { scholarshipWorkflow } from './scholarship';
export { reconciliationWorkflow } from './reconciliation';
