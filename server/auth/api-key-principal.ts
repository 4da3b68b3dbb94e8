// An outside system (the 12345 platform) as routes see it after its signature checked out.
export interface ApiKeyPrincipal {
  id: string;
  keyId: string;
  name: string;
  departmentId: string;
  scopes: string[];
}
