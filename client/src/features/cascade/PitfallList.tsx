import type { PitfallWarning } from '../../../../shared/rhythm/pitfallWarnings.ts'
import { useTranslation } from 'react-i18next'
import { translateServerLabel } from '../../i18n/serverMessages.ts'

/** DOMAIN.md's pitfalls, as gentle warnings: worth a look, never blocking. */
export function PitfallList({ warnings, label }: { warnings: readonly PitfallWarning[]; label: string }) {
  const { t } = useTranslation()
  if (!warnings.length) return null
  return (
    <ul className="pitfalls" aria-label={label}>
      {warnings.map((w, i) => (
        <li key={`${w.code}-${w.subjectId ?? ''}-${i}`} className="warning">
          {translateServerLabel(t, w.message, 'pitfall')}
        </li>
      ))}
    </ul>
  )
}
