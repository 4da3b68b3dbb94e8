// The Zeebe gateway gRPC service (the `Gateway` of the proto shipped in @camunda8/sdk),
// answered by the built-in engine. Plaintext: reach it with grpc://127.0.0.1:26500.

import { createRequire } from 'node:module';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { Engine } from '../runtime/engine.ts';
import { handlers } from './handlers.ts';
import { MAX_MESSAGE_SIZE } from './convert.ts';

const require = createRequire(import.meta.url);

export function protoPath(): string {
  return path.join(path.dirname(require.resolve('@camunda8/sdk')), 'proto', 'zeebe.proto');
}

export interface GrpcServer {
  port: number;
  stop(): Promise<void>;
}

export async function startGrpcServer(engine: Engine, host: string, port: number): Promise<GrpcServer> {
  const definition = protoLoader.loadSync(protoPath(), { keepCase: true, longs: String, enums: String, defaults: true, oneofs: true });
  const proto = grpc.loadPackageDefinition(definition) as unknown as {
    gateway_protocol: { Gateway: { service: grpc.ServiceDefinition } };
  };
  const server = new grpc.Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_SIZE,
    'grpc.max_send_message_length': MAX_MESSAGE_SIZE,
  });
  server.addService(proto.gateway_protocol.Gateway.service, handlers(engine, () => boundPort) as unknown as grpc.UntypedServiceImplementation);
  const boundPort = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${port}`, grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return {
    port: boundPort,
    stop: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, 2000).unref();
      }),
  };
}
