// What intake accepts (JSON from the server, the 12345 push, or a CSV row), and its JSON schema.
import { CATEGORIES, CHANNELS, ID_TYPES, REQUEST_TYPES, TICKET_KINDS, type Channel, type IdType, type RequestType, type SubmissionKind } from './types.ts';

export interface TicketSubmission {
  channel: Channel;
  /** The source system's number (12315/12345 platform, ODR enterprise); the idempotency key. */
  externalNo?: string;
  kind: SubmissionKind;
  /** Date-time with offset. */
  receivedAt: string;
  registeredBy?: string;
  complainant?: {
    name?: string;
    phone?: string;
    idType?: IdType;
    idNumber?: string;
    address?: string;
    consentPublish?: boolean;
    consentMediation?: boolean;
    anonymous?: boolean;
  };
  respondent?: {
    name?: string;
    uscc?: string;
    address?: string;
    regionCode?: string;
    platform?: string;
    shop?: string;
  };
  facts?: {
    occurredAt?: string;
    place?: string;
    goodsOrService?: string;
    amount?: number;
    description?: string;
  };
  requests?: RequestType[];
  category?: string;
  goodsClass?: string;
  online?: boolean;
  odrChosen?: boolean;
  attachments?: { name: string; url?: string; sha256?: string }[];
}

const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });

export const SUBMISSION_SCHEMA = {
  $id: 'https://market-regulation.local/schemas/ticket-submission.json',
  type: 'object',
  additionalProperties: false,
  required: ['channel', 'kind', 'receivedAt'],
  properties: {
    channel: { enum: [...CHANNELS] },
    externalNo: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[\\x21-\\x7e]+$' },
    kind: { enum: [...TICKET_KINDS, 'mixed'] },
    receivedAt: { type: 'string', format: 'date-time' },
    registeredBy: text(100),
    complainant: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: text(50),
        phone: text(30),
        idType: { enum: [...ID_TYPES] },
        idNumber: text(30),
        address: text(200),
        consentPublish: { type: 'boolean' },
        consentMediation: { type: 'boolean' },
        anonymous: { type: 'boolean' },
      },
    },
    respondent: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: text(200),
        uscc: text(30),
        address: text(200),
        // 行政区划代码: 6 digits (county), optionally 9 or 12 (township, village).
        regionCode: { type: 'string', pattern: '^\\d{6}(\\d{3}){0,2}$' },
        platform: text(100),
        shop: text(200),
      },
    },
    facts: {
      type: 'object',
      additionalProperties: false,
      properties: {
        occurredAt: { type: 'string', format: 'date-or-date-time' },
        place: text(200),
        goodsOrService: text(200),
        amount: { type: 'number', minimum: 0, maximum: 1e11 },
        description: text(5000),
      },
    },
    requests: { type: 'array', uniqueItems: true, items: { enum: [...REQUEST_TYPES] } },
    category: { enum: [...CATEGORIES] },
    goodsClass: text(100),
    online: { type: 'boolean' },
    odrChosen: { type: 'boolean' },
    attachments: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name: text(200), url: { type: 'string', format: 'uri' }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
      },
    },
  },
  allOf: [
    // 投诉 (Order 20 Art 9): who complains, about whom, what happened, what they ask for.
    {
      if: { type: 'object', required: ['kind'], properties: { kind: { enum: ['complaint', 'mixed'] } } },
      then: {
        type: 'object',
        required: ['complainant', 'respondent', 'facts', 'requests', 'category'],
        properties: {
          complainant: { type: 'object', required: ['name', 'phone'], properties: { anonymous: { const: false } } },
          respondent: { type: 'object', required: ['name'] },
          facts: { type: 'object', required: ['description'] },
          requests: { type: 'array', minItems: 1 },
        },
      },
    },
    // 举报: concrete clues about a named business; anonymous allowed.
    {
      if: { type: 'object', required: ['kind'], properties: { kind: { const: 'report' } } },
      then: { type: 'object', required: ['respondent', 'facts', 'category'], properties: { respondent: { type: 'object', required: ['name'] }, facts: { type: 'object', required: ['description'] } } },
    },
    // A real-name report names the reporter and a way to reach them.
    {
      if: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { const: 'report' } },
        not: { type: 'object', required: ['complainant'], properties: { complainant: { type: 'object', required: ['anonymous'], properties: { anonymous: { const: true } } } } },
      },
      then: { type: 'object', required: ['complainant'], properties: { complainant: { type: 'object', required: ['name', 'phone'] } } },
    },
    {
      if: { type: 'object', required: ['kind'], properties: { kind: { enum: ['inquiry', 'suggestion'] } } },
      then: { type: 'object', required: ['facts'], properties: { facts: { type: 'object', required: ['description'] } } },
    },
  ],
} as const;
