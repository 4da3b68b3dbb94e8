// What an outside system's key may do. Routes name one of these in their access rule
// ({ kind: 'apiKey', scope }); the ticket intake adds its own when it arrives.
export const API_KEY_SCOPES = {
  'tickets:intake': '推送工单（如 12345 平台派单）',
  'tickets:read': '查询工单办理状态与结果',
} as const;

export type ApiKeyScope = keyof typeof API_KEY_SCOPES;
