import type { MeetingView } from '../../../../shared/meeting/meetingView.ts'
import { assembleMission } from '../../../../shared/meeting/mission.ts'
import { STAGES, stageIndex } from '../../../../shared/stages/stages.ts'
import { RenameControl } from './RenameControl.tsx'
import { useTranslation } from 'react-i18next'
import { LanguageSwitcher } from '../../i18n/LanguageSwitcher.tsx'

/** The mission and the stage, always visible. */
export function MeetingHeader({ view }: { view: MeetingView }) {
  const current = stageIndex(view.stage)
  const { t } = useTranslation()
  return (
    <header className="meeting-header">
      <div className="meeting-title-row">
        <div>
          <p className="eyebrow">
            {view.quarter} · {t('header.picking', { count: view.objectiveCount })}
          </p>
          <h1 className="meeting-title">{view.title}</h1>
        </div>
        <div className="header-tools">
          <RenameControl />
          <LanguageSwitcher className="on-dark" />
        </div>
      </div>
      <p className="mission-line">
        <span className="visually-hidden">{t('header.mission')}</span>
        {assembleMission(view.mission)}
      </p>
      <nav aria-label={t('header.stages')}>
        <ol className="stepper">
          {STAGES.map((stage, i) => (
            <li key={stage} className={i < current ? 'past' : i === current ? 'current' : 'future'} aria-current={i === current ? 'step' : undefined}>
              <span className="step-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="step-label">{t(`stages.${stage}.label`)}</span>
            </li>
          ))}
        </ol>
      </nav>
    </header>
  )
}
