import { expect, test, type Page } from '@playwright/test'
import type { ServerProcess } from './helpers/serverProcess.ts'
import { serverPerTest } from './helpers/serverPerTest.ts'
import { expectNoSeriousA11yViolations } from './helpers/axe.ts'
import { createMeetingAsFacilitator } from './helpers/meetingFlows.ts'

let server: ServerProcess
serverPerTest((s) => (server = s))

async function proponer(page: Page, title: string) {
  await page.getByLabel('Objetivo', { exact: true }).fill(title)
  await page.getByRole('button', { name: 'Proponer objetivo' }).click()
  await expect(page.getByRole('list', { name: 'Tus propuestas' })).toContainText(title)
}

async function votar(page: Page, title: string, times: number) {
  for (let i = 1; i <= times; i++) {
    await page.getByRole('button', { name: `Añadir un punto a «${title}»` }).click()
    await expect(page.getByLabel(`${i} puntos en «${title}»`)).toBeVisible()
  }
}

test('a Spanish-speaking participant runs the whole meeting in Spanish; another switches to Spanish', async ({ browser }) => {
  const { facilitator, joinUrl } = await createMeetingAsFacilitator(browser, server.url)

  // María's browser is in Spanish: the page follows it.
  const maria = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'es-ES' })).newPage()
  await maria.goto(joinUrl)
  await expect(maria.locator('html')).toHaveAttribute('lang', 'es')
  await expect(maria.getByText('2027 Q1 · reunión de OKR')).toBeVisible()
  await expectNoSeriousA11yViolations(maria, 'join page in Spanish')
  await maria.getByLabel('Tu nombre').fill('María José')
  await maria.getByRole('button', { name: 'Unirme a la reunión' }).click()
  await expect(maria.getByText('Participas como María José')).toBeVisible()
  await expect(maria.getByRole('heading', { name: 'Misión', level: 2 })).toBeVisible()
  await expect(maria.getByText('En esta reunión elegimos 3 objetivos para 2027 Q1.', { exact: false })).toBeVisible()

  // Linus's browser is in English; he switches with the language menu, and the choice stays after a reload.
  const linus = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-GB' })).newPage()
  await linus.goto(joinUrl)
  await linus.getByLabel('Language').selectOption('es')
  await expect(linus.getByLabel('Tu nombre')).toBeVisible()
  await linus.reload()
  await linus.getByLabel('Tu nombre').fill('Linus')
  await linus.getByRole('button', { name: 'Unirme a la reunión' }).click()
  await expect(linus.getByText('Participas como Linus')).toBeVisible()
  await expect(linus.getByLabel('Idioma')).toHaveValue('es')
  await expectNoSeriousA11yViolations(linus, 'mission stage in Spanish on a phone')

  await facilitator.getByRole('button', { name: 'Advance to Submit' }).click()
  await expect(maria.getByRole('heading', { name: 'Propuestas', level: 2 })).toBeVisible()
  await proponer(maria, 'Lanzar la app móvil en Brasil')
  await proponer(maria, 'Crecer un 12 % en Lyon Part-Dieu')
  await proponer(linus, 'Reducir la rotación de clientes')
  await proponer(linus, 'Automatizar los reembolsos')
  await expect(maria.getByText('4 objetivos propuestos hasta ahora')).toBeVisible()
  await expect(maria.getByText('Puedes proponer 1 más.')).toBeVisible()
  await expectNoSeriousA11yViolations(maria, 'submit stage in Spanish')

  await facilitator.getByRole('button', { name: 'Advance to Group' }).click()
  await expect(maria.getByRole('heading', { name: 'Agrupar', level: 2 })).toBeVisible()
  await expect(maria.getByRole('heading', { name: 'Sin agrupar' })).toBeVisible()
  await expect(maria.locator('.board-counts')).toContainText('4 tarjetas · 0 grupos')
  await expect(maria.getByRole('button', { name: 'Acciones para «Automatizar los reembolsos»' })).toBeVisible()
  await expectNoSeriousA11yViolations(maria, 'group board in Spanish')
  await expectNoSeriousA11yViolations(linus, 'group board in Spanish on a phone')
  // On the phone, grouping is pick-then-place, in Spanish too; Cancelar puts the card back.
  await linus.getByRole('button', { name: 'Elegir «Reducir la rotación de clientes» para agruparla' }).tap()
  const elegida = linus.getByRole('region', { name: 'Elegida: Reducir la rotación de clientes' })
  await expect(elegida.getByRole('button', { name: 'Fusionar con…' })).toBeVisible()
  await expect(linus.getByRole('button', { name: 'Fusionar «Reducir la rotación de clientes» con «Automatizar los reembolsos»' })).toBeVisible()
  await expectNoSeriousA11yViolations(linus, 'a picked card in Spanish on a phone')
  await elegida.getByRole('button', { name: 'Cancelar' }).tap()
  await expect(elegida).toHaveCount(0)
  // The projector screen in a Spanish browser: the stage, its question and the counts in Spanish.
  const pantalla = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'es-ES' })).newPage()
  await pantalla.goto(`${joinUrl}/screen`)
  await expect(pantalla.getByText('Fusionando duplicados en candidatos claros')).toBeVisible()
  await expect(pantalla.getByText(/2027 Q1 · etapa 3 de 7/i)).toBeVisible()
  await expect(pantalla.getByText('2 conectados')).toBeVisible()
  await expectNoSeriousA11yViolations(pantalla, 'projector screen in Spanish')

  await facilitator.getByRole('button', { name: 'Advance to Vote' }).click()
  await facilitator.getByRole('button', { name: 'Open voting' }).click()
  await expect(maria.getByText('Te quedan 3 puntos de 3')).toBeVisible()
  await votar(maria, 'Lanzar la app móvil en Brasil', 3)
  await votar(linus, 'Reducir la rotación de clientes', 2)
  await votar(linus, 'Automatizar los reembolsos', 1)
  await expect(maria.getByText('Te quedan 0 puntos de 3')).toBeVisible()
  await expect(maria.getByText('2 de 2 han votado')).toBeVisible()
  await expectNoSeriousA11yViolations(maria, 'ballot in Spanish')
  await facilitator.getByRole('button', { name: 'Close voting' }).click()
  await expect(maria.getByText('La votación está cerrada.', { exact: false })).toBeVisible()
  await facilitator.getByRole('button', { name: 'Reveal results' }).click()
  const results = maria.getByRole('list', { name: 'Resultados ordenados' })
  await expect(results.getByRole('listitem').first()).toContainText('Lanzar la app móvil en Brasil3 puntosElegido')
  await expect(maria.getByText('Han votado 2 personas · 6 puntos')).toBeVisible()
  await expect(maria.getByText('Los 3 objetivos están decididos y pasan a Resultados clave.')).toBeVisible()
  await expectNoSeriousA11yViolations(maria, 'vote results in Spanish')

  await facilitator.getByRole('button', { name: 'Advance to Key results' }).click()
  await maria.getByLabel('Nuevo resultado clave para «Lanzar la app móvil en Brasil»').fill('Descargas de la app en Brasil')
  await maria.getByRole('button', { name: 'Proponer' }).first().click()
  const statement = maria.getByRole('textbox', { name: /^Enunciado del resultado clave/ }).first()
  await expect(statement).toHaveValue('Descargas de la app en Brasil')
  await expect(maria.getByRole('list', { name: 'Sugerencias para este resultado clave' })).toContainText('Añade un número a alcanzar')
  await expect(maria.getByLabel('Punto de partida').first()).toHaveAttribute('placeholder', 'valor actual')
  await maria.getByLabel('Meta').first().fill('25.000')
  await maria.getByLabel('Responsable').first().fill('María José')
  await maria.getByLabel('Responsable').first().blur()
  await expect(maria.getByText('5/10 · incierto').first()).toBeVisible()
  // Linus, on a phone, sees the key result folded, in Spanish.
  const linusList = linus.getByRole('list', { name: 'Resultados clave de «Lanzar la app móvil en Brasil»' })
  await expect(linusList).toContainText('Descargas de la app en Brasil')
  await expect(linusList).toContainText('Responsable: María José')
  await expectNoSeriousA11yViolations(maria, 'key results in Spanish')
  await expectNoSeriousA11yViolations(linus, 'key results in Spanish on a phone')

  await facilitator.getByRole('button', { name: /^Accept:/ }).click()
  await facilitator.getByRole('button', { name: 'Advance to Review' }).click()
  await expect(maria.getByRole('heading', { name: 'Revisión', level: 2 })).toBeVisible()
  await expect(maria.getByRole('list', { name: 'Resultados clave aceptados de «Lanzar la app móvil en Brasil»' })).toContainText('Responsable: María José')
  await expectNoSeriousA11yViolations(maria, 'review in Spanish')
  await facilitator.getByRole('button', { name: 'Confirm and publish' }).click()
  await expect(maria.getByRole('heading', { name: 'Publicado', level: 2 })).toBeVisible()
  await expect(maria.getByRole('heading', { name: 'Cómo se decidieron' })).toBeVisible()
  // Dates and numbers as Spanish writes them.
  await expect(maria.getByText(/2027 Q1 · publicado el \d{1,2} de [a-z]+ de \d{4}/)).toBeVisible()
  await expect(maria.getByText('2 participantes · 4 propuestas · 0 fusionadas · votaron 2 personas')).toBeVisible()
  await expect(maria.getByRole('link', { name: 'Descargar CSV' })).toBeVisible()
  await expectNoSeriousA11yViolations(maria, 'published OKRs in Spanish')
})
