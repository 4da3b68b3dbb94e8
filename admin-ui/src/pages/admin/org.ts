// What the 用户 and 部门 pages share: the shapes of /api/admin/…, the code lists, the
// department tree built from the server's pre-ordered list, and the dialogs' 保存 with
// the server's field errors.
import { reactive, ref } from 'vue';
import type { FormInstance } from 'element-plus';
import { api, ApiError } from '../../api.ts';

export interface Department {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
  active: boolean;
}

export interface DepartmentNode extends Department {
  children: DepartmentNode[];
}

export interface Account {
  id: string;
  login: string;
  displayName: string;
  department: { id: string; code: string; name: string; kind: string };
  roles: string[];
  phone: string | null;
  status: 'active' | 'disabled';
  mustChangePassword: boolean;
  failedAttempts: number;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

export interface CodeLists {
  roles: Array<{ code: string; label: string }>;
  departmentKinds: Array<{ code: string; label: string }>;
  passwordRule: string;
}

export const loadCodeLists = () => api.get<CodeLists>('/api/admin/code-lists');

export async function loadDepartments(includeInactive = false): Promise<Department[]> {
  return (await api.get<{ items: Department[] }>('/api/admin/departments', { query: { includeInactive } })).items;
}

/** The tree of departments; a department whose parent is outside the list is a root. */
export function departmentTree(list: Department[]): DepartmentNode[] {
  const nodes = new Map(list.map((d) => [d.id, { ...d, children: [] as DepartmentNode[] }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/**
 * The server's messages by form field: `details[].path` is the field (`login`), or a pointer
 * into it (`roles/0`, `body.login`); anything else goes to the form-wide message.
 */
function fieldErrorsOf<F extends string>(err: unknown, fields: readonly F[]): { fields: Partial<Record<F, string>>; other: string } {
  if (!(err instanceof ApiError)) return { fields: {}, other: err instanceof Error ? err.message : String(err) };
  const found: Partial<Record<F, string>> = {};
  for (const detail of err.details) {
    const field = detail.path.replace(/^(body\.|\/)/, '').split(/[./[]/)[0] as F;
    if (fields.includes(field) && !found[field]) found[field] = detail.message;
  }
  return { fields: found, other: Object.keys(found).length ? '' : err.message };
}

/**
 * The create/edit dialog's 保存: clears the last messages, checks the form's own rules, then
 * runs `send`; what the server rejects lands beside its field, anything else above the form.
 */
export function useFormSave<F extends string>(fields: readonly F[]) {
  const formRef = ref<FormInstance>();
  const errors = reactive({}) as Partial<Record<F, string>>;
  const formError = ref('');
  const saving = ref(false);

  function clearErrors() {
    for (const f of fields) errors[f] = '';
    formError.value = '';
  }

  async function submit(send: () => Promise<void>) {
    clearErrors();
    if (!(await formRef.value?.validate().catch(() => false))) return;
    saving.value = true;
    try {
      await send();
    } catch (err) {
      const found = fieldErrorsOf(err, fields);
      Object.assign(errors, found.fields);
      formError.value = found.other;
    } finally {
      saving.value = false;
    }
  }

  return { formRef, errors, formError, saving, clearErrors, submit };
}

/** The server reports `lockedUntil` only while the lock lasts. */
export const isLocked = (account: Account) => !!account.lockedUntil;

export const formatTime = (iso: string | null) =>
  (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '—');
