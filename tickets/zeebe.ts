// The SDK's Zeebe gRPC client, as the ticket component uses it.
import type { Camunda8 } from '@camunda8/sdk';

export type ZeebeClient = ReturnType<Camunda8['getZeebeGrpcApiClient']>;

/** What intake needs of the engine: start and cancel instances, publish messages. */
export type ProcessClient = Pick<ZeebeClient, 'createProcessInstance' | 'cancelProcessInstance' | 'publishMessage'>;
