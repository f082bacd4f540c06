// Test data shared by the cascade tests (not imported by any rule).
import type { CompanySet, DepartmentObjective, DepartmentSet } from './cascadeTypes.ts'

const kr = (id: string, confidence = 5) => ({ id, statement: `Key result ${id}`, owner: 'Ana', confidence })

export const COMPANY: CompanySet = {
  quarter: '2027 Q1',
  objectives: [
    { id: 'c1', title: 'Customers love onboarding', keyResults: [kr('c1-kr1'), kr('c1-kr2')] },
    { id: 'c2', title: 'Grow revenue in Spain', keyResults: [kr('c2-kr1')] },
  ],
}

export const deptObjective = (id: string, over: Partial<DepartmentObjective> = {}): DepartmentObjective => ({
  id,
  title: `Department objective ${id}`,
  keyResults: [kr(`${id}-kr`)],
  supports: { kind: 'objective', id: 'c1' },
  ...over,
})

export const departmentSet = (over: Partial<DepartmentSet> = {}): DepartmentSet => ({
  id: 'ds-sales',
  department: 'Sales',
  quarter: '2027 Q1',
  objectives: [deptObjective('d1'), deptObjective('d2', { supports: { kind: 'keyResult', id: 'c2-kr1' } })],
  confirmation: { status: 'draft' },
  ...over,
})
