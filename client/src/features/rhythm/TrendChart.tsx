import { useEffect, useRef } from 'react'
import {
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  Legend,
  LineElement,
  PointElement,
  Tooltip,
  type Plugin,
  type ScriptableContext,
  type ScriptableLineSegmentContext,
} from 'chart.js'
import { BAND_LABELS, confidenceBand, type ConfidenceBand } from '../../../../shared/keyResults/confidenceBand.ts'
import i18next from '../../i18n/i18n.ts'

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip, Legend)

/** Dark enough for 3:1 against the white chart (WCAG non-text contrast); the point shape says the band too. */
const BAND_COLOURS: Record<ConfidenceBand, string> = { red: '#b91c1c', yellow: '#8a5a00', green: '#166534' }
const BAND_FILLS: Record<ConfidenceBand, string> = { red: 'rgba(253, 226, 226, 0.7)', yellow: 'rgba(255, 241, 194, 0.7)', green: 'rgba(220, 252, 231, 0.7)' }
const BAND_SHAPES = { red: 'triangle', yellow: 'rectRot', green: 'circle' } as const

/** Shades the red (1–3), yellow (4–6) and green (7–10) zones behind the line. */
const bandZones: Plugin<'line'> = {
  id: 'bandZones',
  beforeDatasetsDraw(chart) {
    const { ctx, chartArea, scales } = chart
    const y = scales.y
    if (!y) return
    const zones: [ConfidenceBand, number, number][] = [
      ['red', 0.5, 3.5],
      ['yellow', 3.5, 6.5],
      ['green', 6.5, 10.5],
    ]
    ctx.save()
    for (const [band, from, to] of zones) {
      const top = Math.max(chartArea.top, y.getPixelForValue(to))
      const bottom = Math.min(chartArea.bottom, y.getPixelForValue(from))
      ctx.fillStyle = BAND_FILLS[band]
      ctx.fillRect(chartArea.left, top, chartArea.right - chartArea.left, bottom - top)
    }
    ctx.restore()
  },
}

export interface TrendSeries {
  label: string
  values: (number | null)[]
}

export interface TrendChartProps {
  /** Accessible name (with a text summary of the data). */
  title: string
  labels: string[]
  /** One line per key result: one for a key result's chart, all of them for an objective's. */
  series: TrendSeries[]
}

/** Line colours for several key results on one chart, told apart by dash pattern and legend as well. */
const LINE_COLOURS = ['#0b3d5c', '#6b21a8', '#0f766e', '#9a3412']
const LINE_DASHES: (number[] | undefined)[] = [undefined, [8, 4], [2, 3], [12, 4, 2, 4]]

/** Confidence over the quarter: Chart.js lines over coloured zones; weeks without a check-in are crossed dashed, never guessed. */
export function TrendChart({ title, labels, series }: TrendChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const isSingle = series.length === 1
  useEffect(() => {
    if (!canvas.current) return
    const bandAt = (ctx: ScriptableContext<'line'>): ConfidenceBand => confidenceBand(Number(ctx.raw ?? 5))
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label.length > 40 ? `${s.label.slice(0, 39)}…` : s.label,
          data: s.values,
          borderColor: LINE_COLOURS[i % LINE_COLOURS.length],
          backgroundColor: LINE_COLOURS[i % LINE_COLOURS.length],
          borderWidth: 2,
          borderDash: LINE_DASHES[i % LINE_DASHES.length],
          spanGaps: true,
          segment: isSingle
            ? { borderDash: (ctx: ScriptableLineSegmentContext) => (ctx.p0.skip || ctx.p1.skip || ctx.p1DataIndex - ctx.p0DataIndex > 1 ? [5, 5] : undefined) }
            : {},
          pointRadius: (ctx: ScriptableContext<'line'>) => (bandAt(ctx) === 'red' ? 8 : 6),
          pointHoverRadius: 9,
          pointStyle: (ctx: ScriptableContext<'line'>) => BAND_SHAPES[bandAt(ctx)],
          pointBackgroundColor: (ctx: ScriptableContext<'line'>) => BAND_COLOURS[bandAt(ctx)],
          pointBorderColor: '#ffffff',
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: {
          y: {
            min: 1,
            max: 10,
            ticks: { stepSize: 1, color: '#3d5566', callback: (v) => (v === 3 ? '3 red' : v === 7 ? '7 green' : String(v)) },
            title: { display: true, text: 'Confidence (1–10)', color: '#3d5566' },
            grid: { color: 'rgba(11, 31, 46, 0.08)' },
          },
          x: { ticks: { color: '#3d5566', autoSkip: true, maxRotation: 0 }, grid: { display: false } },
        },
        plugins: {
          legend: { display: !isSingle, position: 'bottom', labels: { color: '#0b1f2e', usePointStyle: false, boxWidth: 24 } },
          tooltip: {
            callbacks: {
              label: (item) => {
                const value = Number(item.raw)
                const band = confidenceBand(value)
                return `${value}/10 (${band}, ${BAND_LABELS[band]})`
              },
            },
          },
        },
      },
      plugins: [bandZones],
    })
    return () => chart.destroy()
  }, [labels.join('|'), JSON.stringify(series)]) // eslint-disable-line react-hooks/exhaustive-deps
  const summary = isSingle
    ? `${title}: ${describe((series[0] as TrendSeries).values)}`
    : `${title}: ${series.map((s) => `${s.label}, ${describe(s.values)}`).join(' ')}`
  return (
    <div className={isSingle ? 'trend-canvas' : 'trend-canvas tall'}>
      <canvas ref={canvas} role="img" aria-label={summary}>
        {summary}
      </canvas>
    </div>
  )
}

function describe(values: (number | null)[]): string {
  const t = i18next.t.bind(i18next)
  const checked = values.filter((v): v is number => v !== null)
  const last = checked[checked.length - 1]
  if (last === undefined) return t('trends.noCheckIns')
  const band = confidenceBand(last)
  return t('trends.describe', {
    count: checked.length,
    last,
    colour: t(`team.${band}`).toLowerCase(),
    band: t(`confidence.bands.${band}`, { defaultValue: BAND_LABELS[band] }),
    min: Math.min(...checked),
    max: Math.max(...checked),
  })
}
