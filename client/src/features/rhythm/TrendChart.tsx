import { useEffect, useRef } from 'react'
import {
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type Plugin,
  type ScriptableContext,
} from 'chart.js'
import { BAND_LABELS, confidenceBand, type ConfidenceBand } from '../../../../shared/keyResults/confidenceBand.ts'

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip)

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
    const zones: [ConfidenceBand, number, number][] = [['red', 0.5, 3.5], ['yellow', 3.5, 6.5], ['green', 6.5, 10.5]]
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

export interface TrendChartProps {
  /** Accessible name and visible caption. */
  title: string
  labels: string[]
  values: (number | null)[]
}

/** One key result's confidence over the quarter: a Chart.js line over coloured zones, gaps dashed, never guessed. */
export function TrendChart({ title, labels, values }: TrendChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null)
  useEffect(() => {
    if (!canvas.current) return
    const bandAt = (ctx: ScriptableContext<'line'>): ConfidenceBand => confidenceBand(Number(ctx.raw ?? 5))
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels,
        datasets: [{
          label: 'Confidence',
          data: values,
          borderColor: '#0b3d5c',
          borderWidth: 2,
          spanGaps: true,
          segment: { borderDash: (ctx) => (ctx.p0.skip || ctx.p1.skip || ctx.p1DataIndex - ctx.p0DataIndex > 1 ? [5, 5] : undefined) },
          pointRadius: 6,
          pointHoverRadius: 8,
          pointStyle: (ctx) => BAND_SHAPES[bandAt(ctx)],
          pointBackgroundColor: (ctx) => BAND_COLOURS[bandAt(ctx)],
          pointBorderColor: '#ffffff',
        }],
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
  }, [labels.join('|'), values.join('|')]) // eslint-disable-line react-hooks/exhaustive-deps
  const checked = values.filter((v): v is number => v !== null)
  const last = checked[checked.length - 1]
  const summary = last === undefined
    ? `${title}: no check-ins yet.`
    : `${title}: ${checked.length} check-in${checked.length === 1 ? '' : 's'}; latest ${last} of 10 (${confidenceBand(last)}, ${BAND_LABELS[confidenceBand(last)]}); lowest ${Math.min(...checked)}, highest ${Math.max(...checked)}.`
  return (
    <div className="trend-canvas">
      <canvas ref={canvas} role="img" aria-label={summary}>{summary}</canvas>
    </div>
  )
}
