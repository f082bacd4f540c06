/** Until the board lands, the Group stage says so honestly. */
export function GroupBoard() {
  return (
    <div className="coming" role="note">
      <p className="eyebrow">Coming in this stage</p>
      <p>A shared board to merge duplicates and cluster similar proposals, with suggested clusters.</p>
    </div>
  )
}
