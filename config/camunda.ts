// The one place the official client is configured: against the built-in engine (plaintext,
// no auth) when it runs in this process tree, else from the SDK's own environment variables
// (ZEEBE_GRPC_ADDRESS, ZEEBE_REST_ADDRESS, CAMUNDA_* for a Camunda 8 cluster).

import { Camunda8 } from '@camunda8/sdk';

export interface BuiltInEngineAddresses {
  grpcAddress: string;
  restAddress: string;
}

export function camundaClient(builtIn?: BuiltInEngineAddresses): Camunda8 {
  if (!builtIn) return new Camunda8();
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: builtIn.grpcAddress,
    ZEEBE_REST_ADDRESS: builtIn.restAddress,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
  } as never);
}
