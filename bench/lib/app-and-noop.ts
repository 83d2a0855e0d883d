// The application's workflows plus the no-op one: the same bundle size and module set as production, for
// telling apart the cost of the bundle (modules evaluated per workflow) from the cost of the claim code.
export * from '../../workflows';
export { noopWorkflow } from './noop-workflow';
