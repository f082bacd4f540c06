import { expect, test, type Browser, type Page } from '@playwright/test'
import type { ServerProcess } from './helpers/serverProcess.ts'
import { serverPerTest } from './helpers/serverPerTest.ts'
import { expectNoSeriousA11yViolations } from './helpers/axe.ts'
import { publishMeeting } from '../integration/helpers/publishedMeeting.ts'

let server: ServerProcess
serverPerTest((s) => (server = s))

/**
 * English UI words that have no place on a Spanish page. Whole words, so "Cancelar" or "persona" never match; the
 * participants' own text in these tests is Spanish, so anything found is the interface's.
 */
const ENGLISH_WORDS =
  /\b(the|and|with|your|you|of|to|Save|Cancel|Merge|Search|Loading|Suggest(ions?)?|Audit|Hide|Remove|Lock|Who|Not|cards?|people|person|proposals?|Join(ed)?|Start|Stop|Timer|Invite|Open|Close|Advance|Back|Done|Accept|Reject|helpers?|clusters?|Edit|Delete|Support|objectives?|Vote|Voting|minutes|Refresh|Rename|Pick|Meeting|Mission|Quarter|Create|Copy|Show|trail|Facilitator|Dismiss|Undo)\b/i

/**
 * Everything a person reads or hears on the page (text, and the names, hints and placeholders of controls) that
 * still contains an English UI word. `allowed`: snippets that are expected (none by default).
 */
async function englishLeftovers(page: Page, allowed: readonly string[] = []): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || parent.closest('script, style, option, [hidden], .language-switcher')) continue
      const text = node.textContent?.trim()
      if (text) out.push(text)
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [aria-valuetext]')) {
      if (el.closest('.language-switcher, [hidden]')) continue
      for (const name of ['aria-label', 'placeholder', 'title', 'aria-valuetext']) {
        const value = el.getAttribute(name)
        if (value) out.push(value)
      }
    }
    return out
  })
  return texts.filter((t) => ENGLISH_WORDS.test(t) && !allowed.some((a) => t.includes(a)))
}

async function expectSpanishOnly(page: Page, where: string) {
  expect({ where, english: await englishLeftovers(page) }).toEqual({ where, english: [] })
}

async function joinInSpanish(browser: Browser, joinUrl: string, name: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-ES' })).newPage()
  await page.goto(joinUrl)
  await page.getByLabel('Tu nombre').fill(name)
  await page.getByRole('button', { name: 'Unirme a la reunión' }).click()
  await expect(page.getByText(`Participas como ${name}`)).toBeVisible()
  return page
}

async function proponer(page: Page, title: string) {
  await page.getByLabel('Objetivo', { exact: true }).fill(title)
  await page.getByRole('button', { name: 'Proponer objetivo' }).click()
  await expect(page.getByRole('list', { name: 'Tus propuestas' })).toContainText(title)
}

test('a Spanish facilitator runs a whole meeting in Spanish: create page, settings, moderation, a refusal, suggestions, audit trail, menus and dialogs, vote, key results, review, published', async ({
  browser,
}) => {
  // The create page, in a Spanish browser: the mission's frame is Spanish too, and stays so for everyone.
  const facilitator = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'es-ES' })).newPage()
  await facilitator.goto(server.url)
  await expect(facilitator.getByRole('heading', { name: 'Dirige tu reunión trimestral de OKR' })).toBeVisible()
  await facilitator.getByLabel('Título de la reunión').fill('OKR de Acme 2027')
  await facilitator.getByLabel('Trimestre').fill('2027 Q1')
  await facilitator.getByLabel('Nosotros', { exact: true }).fill('ayudamos a pequeñas tiendas a vender online')
  await facilitator.getByLabel('en', { exact: true }).fill('software para comercios')
  await facilitator.getByLabel('Cómo mejora vidas (opcional)').fill('para que los negocios locales prosperen')
  const mission = 'Nosotros ayudamos a pequeñas tiendas a vender online en software para comercios para que los negocios locales prosperen.'
  await expect(facilitator.getByText(mission)).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator, 'create page in Spanish')
  await expectSpanishOnly(facilitator, 'create page')
  await facilitator.getByRole('button', { name: 'Crear la reunión' }).click()
  await expect(facilitator.getByRole('button', { name: 'Pasar a Propuestas' })).toBeVisible()
  await expect(facilitator.getByText(mission).first()).toBeVisible()
  const joinUrl = await facilitator.getByRole('textbox', { name: 'Enlace para unirse' }).inputValue()
  await expectNoSeriousA11yViolations(facilitator, 'mission stage, facilitator, in Spanish')
  await expectSpanishOnly(facilitator, 'mission stage, facilitator')

  // An English participant reads the same mission sentence: it is the facilitator's, in the meeting's language.
  const ana = await joinInSpanish(browser, joinUrl, 'Ana')
  const bea = await joinInSpanish(browser, joinUrl, 'Bea')
  await expect(ana.getByText(mission).first()).toBeVisible()

  // Who can join: locked, a newcomer is refused in Spanish (the server's sentence, translated by its key).
  await facilitator.getByLabel('Cerrar la reunión (nadie más puede unirse)').check()
  const late = await (await browser.newContext({ locale: 'es-ES' })).newPage()
  await late.goto(joinUrl)
  await late.getByLabel('Tu nombre').fill('Carla')
  await late.getByRole('button', { name: 'Unirme a la reunión' }).click()
  await expect(late.getByText('La persona facilitadora ha cerrado esta reunión: ya no puede unirse nadie más. Pídele que la abra.')).toBeVisible()
  await expectSpanishOnly(late, 'join page after a refusal')
  await facilitator.getByLabel('Cerrar la reunión (nadie más puede unirse)').uncheck()

  await facilitator.getByRole('button', { name: 'Pasar a Propuestas' }).click()
  await expect(facilitator.getByRole('heading', { name: 'Propuestas', exact: true, level: 2 })).toBeVisible()
  await facilitator.getByLabel('Por persona').selectOption('3')
  await proponer(ana, 'Reducir la rotación de clientes')
  await proponer(bea, 'Reducir la rotación de los clientes')
  await proponer(ana, 'Lanzar la app móvil en Brasil')
  await proponer(bea, 'Automatizar los reembolsos')
  await expect(facilitator.getByRole('heading', { name: 'Todas las propuestas (4)' })).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator, 'submit stage, facilitator, in Spanish')
  await expectSpanishOnly(facilitator, 'submit stage, facilitator')

  await facilitator.getByRole('button', { name: 'Pasar a Agrupar' }).click()
  const tools = facilitator.getByRole('complementary', { name: 'Herramientas de facilitación' })
  await expect(tools.getByRole('heading', { name: 'Sugerencias' })).toBeVisible()
  await tools.getByRole('button', { name: 'Sugerir grupos' }).click()
  const suggestions = tools.getByRole('list', { name: 'Sugerencias por revisar' })
  await expect(suggestions.getByRole('button', { name: /^Aceptar: Fusionar como «/ })).toBeVisible()
  await expect(tools.getByText(/^Revisadas 4 tarjetas: 1 sugerencia\./)).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator, 'group board with suggestions, in Spanish')
  await expectSpanishOnly(facilitator, 'group board with suggestions')
  await suggestions.getByRole('button', { name: /^Aceptar: Fusionar como «/ }).click()
  await expect(facilitator.locator('.board-counts')).toContainText('3 tarjetas')

  // The desktop Actions menu and the board's dialogs.
  await facilitator.getByRole('button', { name: 'Acciones para «Automatizar los reembolsos»' }).click()
  await expect(facilitator.getByRole('menuitem', { name: 'Grupo nuevo' })).toBeVisible()
  await expectSpanishOnly(facilitator, 'card actions menu')
  await facilitator.getByRole('menuitem', { name: 'Ocultar…' }).click()
  const hide = facilitator.getByRole('dialog', { name: '¿Ocultar «Automatizar los reembolsos»?' })
  await expect(hide.getByRole('button', { name: 'Ocultar la tarjeta' })).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator, 'hide dialog in Spanish')
  await expectSpanishOnly(facilitator, 'hide dialog')
  await hide.getByRole('button', { name: 'Cancelar' }).click()
  await facilitator.getByRole('button', { name: 'Acciones para «Automatizar los reembolsos»' }).click()
  await facilitator.getByRole('menuitem', { name: 'Fusionar con…' }).click()
  const picker = facilitator.getByRole('dialog', { name: 'Fusionar «Automatizar los reembolsos» con…' })
  await expect(picker.getByText('Coinciden 2 tarjetas')).toBeVisible()
  await expectSpanishOnly(facilitator, 'merge-into picker')
  await picker.getByRole('button', { name: /^Lanzar la app móvil en Brasil/ }).click()
  const merge = facilitator.getByRole('dialog', { name: 'Fusionar dos tarjetas' })
  await expect(merge.getByText('¿Qué título se queda?')).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator, 'merge dialog in Spanish')
  await expectSpanishOnly(facilitator, 'merge dialog')
  await merge.getByRole('button', { name: 'Fusionar', exact: true }).click()
  await expect(facilitator.getByText('Fusionada «Automatizar los reembolsos» con «Lanzar la app móvil en Brasil».')).toBeVisible()
  await facilitator.getByRole('button', { name: 'Deshacer mi último movimiento' }).click()
  await expect(facilitator.getByText('Deshecho: Fusionada «Automatizar los reembolsos» con «Lanzar la app móvil en Brasil».')).toBeVisible()

  // The audit trail and who may move cards.
  await tools.getByRole('button', { name: 'Registro de cambios' }).click()
  const audit = tools.getByRole('list', { name: 'Registro de cambios' })
  await expect(audit).toContainText('aceptó una sugerencia')
  await expect(audit).toContainText('deshizo: Fusionada «Automatizar los reembolsos» con «Lanzar la app móvil en Brasil»')
  await tools.getByText('Quién puede mover tarjetas: todo el mundo').click()
  await expect(tools.getByRole('group', { name: 'Quién puede mover tarjetas' })).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator, 'audit trail and grouping settings in Spanish')
  await expectSpanishOnly(facilitator, 'audit trail and grouping settings')
  await expectSpanishOnly(ana, 'group board, participant')

  // The rest of the meeting as the facilitator sees it: vote setup, open, closed and revealed; key results; review;
  // published. Three candidates for three objectives: every one is chosen whatever the dots.
  await facilitator.getByRole('button', { name: 'Pasar a Votación' }).click()
  await expect(facilitator.getByRole('button', { name: 'Abrir la votación' })).toBeVisible()
  await expectSpanishOnly(facilitator, 'vote setup')
  await facilitator.getByRole('button', { name: 'Abrir la votación' }).click()
  await expect(facilitator.getByText('0 de 2 han votado').first()).toBeVisible()
  await expectSpanishOnly(facilitator, 'voting open')
  await facilitator.getByRole('button', { name: 'Cerrar la votación' }).click()
  await facilitator.getByRole('button', { name: 'Mostrar resultados' }).click()
  await expect(facilitator.getByRole('button', { name: 'Pasar a Resultados clave' })).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator, 'vote results, facilitator, in Spanish')
  await expectSpanishOnly(facilitator, 'vote results')
  await facilitator.getByRole('button', { name: 'Pasar a Resultados clave' }).click()
  const nuevo = ana.getByLabel('Nuevo resultado clave para «Lanzar la app móvil en Brasil»')
  await nuevo.fill('Descargas de la app en Brasil')
  await nuevo.press('Enter')
  await expect(facilitator.getByRole('button', { name: /^Aceptar: Descargas de la app/ })).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator, 'key results, facilitator, in Spanish')
  await expectSpanishOnly(facilitator, 'key results')
  await facilitator.getByRole('button', { name: /^Aceptar: Descargas de la app/ }).click()
  await facilitator.getByRole('button', { name: 'Pasar a Revisión' }).click()
  await expect(facilitator.getByRole('button', { name: 'Confirmar y publicar' })).toBeVisible()
  await expectSpanishOnly(facilitator, 'review')
  await facilitator.getByRole('button', { name: 'Confirmar y publicar' }).click()
  await expect(facilitator.getByRole('link', { name: 'Planificar el próximo trimestre' })).toBeVisible()
  await expectNoSeriousA11yViolations(facilitator, 'published, facilitator, in Spanish')
  await expectSpanishOnly(facilitator, 'published')
})

test('team spaces in Spanish: created from the published OKRs, the week’s four-square, the weekly report and the trends', async ({ browser }) => {
  const kr = 'Conversión de prueba a pago del 4 % al 7 %'
  const published = await publishMeeting(server.url, `${server.url.replace(/^http/, 'ws')}/ws`, [{ statement: kr, confidence: 6 }])
  // The helper's meeting was written in English by its facilitator: their words may stay English, nothing else.
  const theirWords = ['Make trials convert', 'Trials doubled', 'We help small shops sell online', 'Acme OKRs', 'Facilitator']
  const spanishOnly = async (page: Page, where: string) => expect({ where, english: await englishLeftovers(page, theirWords) }).toEqual({ where, english: [] })

  const facilitator = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'es-ES' })).newPage()
  await facilitator.goto(published.meeting.facilitatorUrl)
  const spaces = facilitator.getByRole('region', { name: 'Espacios de equipo: el ritmo semanal' })
  await spaces.getByLabel('Nombre del equipo').fill('Crecimiento')
  await spaces.getByRole('button', { name: 'Crear el espacio de equipo' }).click()
  const editorUrl = await spaces.getByRole('textbox', { name: 'Enlace de edición de Crecimiento' }).inputValue()
  await expect(spaces.getByRole('link', { name: 'Abrir Crecimiento' })).toBeVisible()
  await spanishOnly(facilitator, 'published page with team spaces')

  const lead = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'es-ES' })).newPage()
  await lead.goto(editorUrl)
  await expect(lead.getByText('Puedes editar')).toBeVisible()
  const priorities = lead.getByRole('region', { name: /Prioridades de esta semana/ })
  await priorities.getByLabel('Prioridad', { exact: true }).fill('Llamar a 20 usuarios en prueba')
  await priorities.getByLabel('Responsable', { exact: true }).fill('Ana')
  await priorities.getByRole('button', { name: 'Añadir la prioridad' }).click()
  await expect(priorities.getByLabel('Prioridad 1', { exact: true })).toHaveValue('Llamar a 20 usuarios en prueba')
  const status = lead.getByRole('region', { name: /Estado de los OKR/ })
  await expect(status.getByText('Sin revisar esta semana')).toBeVisible()
  await status.getByRole('button', { name: `Confirmar 6/10 (sin cambios) de ${kr}` }).click()
  await expect(status.getByText('Sin revisar esta semana')).toHaveCount(0)
  await expectNoSeriousA11yViolations(lead, 'team week in Spanish')
  await spanishOnly(lead, 'team week')

  await lead.getByRole('link', { name: 'Informe semanal', exact: true }).click()
  await expect(lead.getByRole('heading', { name: /^Informe semanal: Crecimiento, semana del / })).toBeVisible()
  await expectNoSeriousA11yViolations(lead, 'weekly report in Spanish')
  await spanishOnly(lead, 'weekly report')

  await lead.getByRole('link', { name: 'Tendencias de confianza', exact: true }).click()
  await expect(lead.getByRole('heading', { name: /^Tendencias de confianza, / })).toBeVisible()
  await expectNoSeriousA11yViolations(lead, 'confidence trends in Spanish')
  await spanishOnly(lead, 'confidence trends')
})
