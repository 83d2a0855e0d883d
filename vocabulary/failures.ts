// Failure types shared by workflows, activities and the API (api/ maps each to an HTTP status).
export enum FailureType {
  InvalidInput = 'InvalidInput',
  WrongState = 'WrongState',
  Forbidden = 'Forbidden',
  MakerChecker = 'MakerChecker',
  SupervisorRequired = 'SupervisorRequired',
  GatewayRejected = 'GatewayRejected',
}
