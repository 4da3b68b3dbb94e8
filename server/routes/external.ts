// For outside systems: a signed no-op to check their signing before sending real work.
import type { Endpoint } from './endpoint.ts';

const TAG = '外部系统';

const pong = {
  type: 'object',
  properties: {
    keyId: { type: 'string' },
    name: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    serverTime: { type: 'string', format: 'date-time' },
    echo: { type: 'string' },
  },
};

export const pingGet: Endpoint = {
  summary: '签名连通性测试（GET）',
  tag: TAG,
  responses: { 200: { description: '签名正确', schema: pong } },
  async handle({ ctx, apiKey }) {
    return { body: { keyId: apiKey!.keyId, name: apiKey!.name, scopes: apiKey!.scopes, serverTime: ctx.clock().toISOString() } };
  },
};

export const pingPost: Endpoint = {
  summary: '签名连通性测试（POST，校验请求体签名）',
  tag: TAG,
  body: {
    type: 'object',
    properties: { echo: { type: 'string', maxLength: 200, title: '回显内容' } },
    additionalProperties: false,
  },
  responses: { 200: { description: '签名正确', schema: pong } },
  async handle({ ctx, apiKey, body }) {
    return { body: { keyId: apiKey!.keyId, name: apiKey!.name, scopes: apiKey!.scopes, serverTime: ctx.clock().toISOString(), echo: body.echo } };
  },
};
