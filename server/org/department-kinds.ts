// Kinds of department in the tree 市局 → 区/县局 → 市场监管所 / 科室 / 大队.

export const DEPARTMENT_KINDS = {
  'city-bureau': '市局',
  'district-bureau': '区县局',
  station: '市场监管所',
  section: '科室',
  brigade: '大队',
  'command-centre': '指挥中心',
  'hotline-centre': '热线服务中心',
} as const;

export type DepartmentKind = keyof typeof DEPARTMENT_KINDS;
export const DEPARTMENT_KIND_CODES = Object.keys(DEPARTMENT_KINDS) as DepartmentKind[];

/** A bureau is the unit whose whole subtree its leaders see. */
export const BUREAU_KINDS: readonly DepartmentKind[] = ['city-bureau', 'district-bureau'];
