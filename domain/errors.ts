// Errors of the domain rules. `code` is a stable English id for APIs and logs;
// `message` is the zh-CN text a user or administrator reads.

export interface Issue {
  /** Field path inside the input, e.g. `overrides[2].date`. */
  path: string;
  code: string;
  message: string;
}

export class DomainError extends Error {
  readonly code: string;
  readonly issues: Issue[];

  constructor(code: string, message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
  }
}
