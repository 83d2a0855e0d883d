// Reconciliation reports for staff and auditors: each day's ledger against the gateway's statement.
import { problems } from '../middleware/problem';
import { listReconciliationsQuery, reconciliationDateParam } from '../schemas/reconciliations';
import { listReconciliations as reconciliationReports, reconciliationDay } from '../views/reconciliations';
import { json, problem, route, staffErrors } from './route';
import { STAFF_ROLES } from '../../vocabulary/actors';

const readers = STAFF_ROLES;

export const listReconciliations = route({
  operationId: 'listReconciliations',
  summary: "Daily reconciliations of the payout ledger with the gateway's statement, newest first (staff)",
  method: 'get',
  path: '/reconciliations',
  access: { staff: readers },
  request: { query: listReconciliationsQuery },
  responses: { 200: json('object', 'Reports, each with its mismatches'), ...staffErrors },
  async handle({ deps, query, res }) {
    res.json(await reconciliationReports(deps.stores, query));
  },
});

export const getReconciliation = route({
  operationId: 'getReconciliation',
  summary: 'One day of reconciliation: every item and the supervisor tasks it opened (staff)',
  method: 'get',
  path: '/reconciliations/:date',
  access: { staff: readers },
  request: { params: reconciliationDateParam },
  responses: { 200: json(), ...staffErrors, 404: problem('No reconciliation for that day') },
  async handle({ deps, params, res }) {
    const day = await reconciliationDay(deps.stores, params.date);
    if (!day) throw problems.notFound('No reconciliation for that day.');
    res.json(day);
  },
});
