export { scholarshipWorkflow } from '../../workflows/scholarship';
export { parkedWorkflow } from './noop-only';
