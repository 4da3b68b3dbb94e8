// A bare gRPC client of the Gateway service, for requests the SDK refuses to send
// (malformed JSON, oversized payloads): the engine must answer those itself.

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { protoPath } from '../../engine/gateway/grpc.ts';

export type RawCall = (method: string, request: Record<string, unknown>) => Promise<any>;

export function rawGateway(address: string): { call: RawCall; close(): void } {
  const definition = protoLoader.loadSync(protoPath(), { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
  const proto = grpc.loadPackageDefinition(definition) as any;
  const client = new proto.gateway_protocol.Gateway(address.replace(/^grpc:\/\//, ''), grpc.credentials.createInsecure(), {
    'grpc.max_send_message_length': 16 * 1024 * 1024,
  });
  return {
    call: (method, request) =>
      new Promise((resolve, reject) => client[method](request, (err: Error | null, response: unknown) => (err ? reject(err) : resolve(response)))),
    close: () => client.close(),
  };
}
