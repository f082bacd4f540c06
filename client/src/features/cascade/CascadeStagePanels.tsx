import type { PublishedSet } from '../../../../shared/exports/publishedSet.ts'
import { useConnection } from '../../state/connectionStore.ts'
import { useCascade } from './useCascade.ts'
import { CompanySetPanel } from './CompanySetPanel.tsx'
import { DepartmentSets } from './DepartmentSets.tsx'
import { DepartmentStatus } from './DepartmentStatus.tsx'
import { PersonalOkrs } from './PersonalOkrs.tsx'

/** Mission and Key results of a department meeting: the company set it aligns to (open in Mission). */
export function CascadeCompanySet({ isOpen }: { isOpen: boolean }) {
  const cascade = useCascade()
  return cascade.link ? <CompanySetPanel link={cascade.link} isOpen={isOpen} /> : null
}

/**
 * The Published stage's cascade part. A department meeting: its status with the CEO and its personal OKRs. A company
 * meeting: the department sets, which its facilitator (the CEO) confirms or sends back.
 */
export function CascadePublished({ published }: { published: PublishedSet }) {
  const cascade = useCascade()
  const isFacilitator = useConnection((s) => s.identity?.role === 'facilitator')
  if (cascade.link) {
    return (
      <>
        <DepartmentStatus cascade={cascade} published={published} isFacilitator={isFacilitator} />
        <PersonalOkrs cascade={cascade} published={published} isFacilitator={isFacilitator} />
      </>
    )
  }
  if (!isFacilitator && cascade.departments.length === 0) return null
  return <DepartmentSets departments={cascade.departments} company={published} isCeo={isFacilitator} />
}
