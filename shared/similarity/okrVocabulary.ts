import { normalizeText } from './normalizeText.ts'
import { stemWord, type Language } from './stem.ts'
import { GENERAL_CONCEPTS } from './generalVocabulary.ts'

/**
 * Multi-word names that mean one thing, in either language. Matched on folded words before stop
 * words are dropped (many contain "de" or "to"); the longest match wins.
 */
const PHRASES: ReadonlyArray<readonly [string, string]> = [
  ['latin america', 'latam'],
  ['on time', 'ontime'],
  ['from home', 'wfh'],
  ['desde casa', 'wfh'],
  ['en remoto', 'wfh'],
  ['on schedule', 'ontime'],
  ['a tiempo', 'ontime'],
  ['en plazo', 'ontime'],
  ['en hora', 'ontime'],
  ['second hand', 'secondhand'],
  ['used car', 'secondhand car'],
  ['used cars', 'secondhand cars'],
  ['segunda mano', 'secondhand'],
  ['pre owned', 'secondhand'],
  ['en linea', 'online'],
  ['on line', 'online'],
  ['dar de baja', 'cancellations'],
  ['darse de baja', 'cancellations'],
  ['den de baja', 'cancellations'],
  ['se dan de baja', 'cancellations'],
  ['e book', 'ebook'],
  ['e books', 'ebook'],
  ['ebooks', 'ebook'],
  ['libro electronico', 'ebook'],
  ['libros electronicos', 'ebook'],
  ['best seller', 'bestseller'],
  ['best sellers', 'bestseller'],
  ['best selling', 'bestseller'],
  ['mas vendido', 'bestseller'],
  ['mas vendidos', 'bestseller'],
  ['mas vendida', 'bestseller'],
  ['mas vendidas', 'bestseller'],
  ['bestsellers', 'bestseller'],
  ['real time', 'realtime'],
  ['tiempo real', 'realtime'],
  ['lead time', 'leadtime'],
  ['word of mouth', 'referral'],
  ['boca a boca', 'referral'],
  ['cash flow', 'cashflow'],
  ['flujo de caja', 'cashflow'],
  ['head office', 'headquarters'],
  ['oficina central', 'headquarters'],
  ['call center', 'callcentre'],
  ['call centre', 'callcentre'],
  ['centro de llamadas', 'callcentre'],
  ['contact center', 'callcentre'],
  ['trade fair', 'tradefair'],
  ['trade show', 'tradefair'],
  ['feria comercial', 'tradefair'],
  ['social media', 'socialmedia'],
  ['redes sociales', 'socialmedia'],
  ['job offer', 'vacancy'],
  ['ofertas de empleo', 'vacancy'],
  ['oferta de empleo', 'vacancy'],
  ['market share', 'marketshare'],
  ['cuota de mercado', 'marketshare'],
  ['america latina', 'latam'],
  ['asia pacific', 'apac'],
  ['net promoter score', 'nps'],
  ['customer acquisition cost', 'cac'],
  ['customer acquisition costs', 'cac'],
  ['coste de adquisicion de clientes', 'cac'],
  ['costo de adquisicion de clientes', 'cac'],
  ['costes de adquisicion de clientes', 'cac'],
  ['time to hire', 'hiring time'],
  ['multi factor authentication', 'mfa'],
  ['multifactor authentication', 'mfa'],
  ['two factor authentication', 'mfa'],
  ['2fa', 'mfa'],
  ['autenticacion multifactor', 'mfa'],
  ['autenticacion de doble factor', 'mfa'],
  ['autenticacion de dos factores', 'mfa'],
  ['days sales outstanding', 'dso'],
  ['daily active users', 'dau'],
  ['usuarios activos diarios', 'dau'],
  ['monthly active users', 'mau'],
  ['usuarios activos mensuales', 'mau'],
  ['net revenue retention', 'nrr'],
  ['retencion neta de ingresos', 'nrr'],
  ['marketing qualified leads', 'mql'],
  ['soc 2', 'soc2'],
  ['type ii', ''],
  ['type 2', ''],
  ['disaster recovery', 'dr'],
  ['recuperacion ante desastres', 'dr'],
  ['penetration test', 'pentest'],
  ['penetration testing', 'pentest'],
  ['pen test', 'pentest'],
  ['prueba de penetracion', 'pentest'],
  ['pruebas de penetracion', 'pentest'],
  ['third party', 'external'],
  ['win rate', 'winrate'],
  ['tasa de cierre', 'winrate'],
  ['tasa de exito', 'winrate'],
  ['case study', 'casestudy'],
  ['case studies', 'casestudy'],
  ['success stories', 'casestudy'],
  ['caso de exito', 'casestudy'],
  ['casos de exito', 'casestudy'],
  ['design system', 'designsystem'],
  ['sistema de diseno', 'designsystem'],
  ['on call', 'oncall'],
  ['new hire', 'new employee'],
  ['new hires', 'new employees'],
  ['self serve', 'selfserve'],
  ['self service', 'selfserve'],
  ['sign up', 'signup'],
  ['all hands', 'allhands'],
  ['every day', 'daily'],
  ['a day', 'daily'],
  ['cada dia', 'daily'],
  ['al dia', 'daily'],
  ['every month', 'monthly'],
  ['cada mes', 'monthly'],
  ['every quarter', 'quarterly'],
  ['cada trimestre', 'quarterly'],
  ['customer service', 'support'],
  ['atencion al cliente', 'support'],
  ['small business', 'smb'],
  ['small businesses', 'smb'],
  ['pequenas empresas', 'smb'],
  ['account executive', 'salesrep'],
  ['account executives', 'salesrep'],
  ['sales reps', 'salesrep'],
  ['sales rep', 'salesrep'],
  ['free trial', 'trial'],
  ['prueba gratuita', 'trial'],
  ['artificial intelligence', 'ai'],
  ['inteligencia artificial', 'ai'],
  ['break even', 'breakeven'],
  ['four nines', '9999'],
  ['speed up', 'faster'],
  ['co2', 'carbon'],
  ['roll out', 'launch'],
  ['company wide', ''],
  ['mexico city', 'cdmx'],
  ['ciudad de mexico', 'cdmx'],
  ['new york', 'nyc'],
  ['sao paulo', 'saopaulo'],
  ['buenos aires', 'buenosaires'],
  ['united states', 'usa'],
  ['estados unidos', 'usa'],
  ['united kingdom', 'uk'],
  ['reino unido', 'uk'],
  ['b corp', 'bcorp'],
  ['app store', 'ios'],
  ['play store', 'android'],
  ['google play', 'android'],
  ['series a', 'funding seriesa'],
  ['series b', 'funding seriesb'],
  ['series c', 'funding seriesc'],
  ['serie a', 'funding seriesa'],
  ['serie b', 'funding seriesb'],
  ['serie c', 'funding seriesc'],
  ['seed round', 'funding seed'],
  ['seed extension', 'funding seed'],
  ['seed funding', 'funding seed'],
  ['ronda semilla', 'funding seed'],
  ['pre seed', 'funding preseed'],
  ['number1', 'marketleader'],
  ['number one', 'marketleader'],
  ['numero uno', 'marketleader'],
  ['numero 1', 'marketleader'],
  ['number 1', 'marketleader'],
  ['market leader', 'marketleader'],
  ['lider del mercado', 'marketleader'],
  ['market share', 'marketleader'],
  ['cuota de mercado', 'marketleader'],
  ['cash flow positive', 'profit'],
  ['flujo de caja positivo', 'profit'],
  ['burn rate', 'burn'],
  ['account executives', 'salesrep'],
  ['aes', 'salesrep'],
  ['coffee shop', 'cafe'],
  ['coffee shops', 'cafe'],
  ['per week', 'weekly'],
  ['a week', 'weekly'],
  ['every week', 'weekly'],
  ['cada semana', 'weekly'],
  ['a la semana', 'weekly'],
  ['por semana', 'weekly'],
  ['a month', 'monthly'],
  ['per month', 'monthly'],
  ['al mes', 'monthly'],
  ['por mes', 'monthly'],
  ['year over year', 'yearly'],
  ['get paid', 'collection'],
  ['pen test', 'pentest'],
  ['pen tests', 'pentest'],
  ['doble factor', 'mfa'],
  ['multi factor', 'mfa'],
  ['fortune 500', 'enterprise'],
  ['tech debt', 'technical debt'],
  ['user summit', 'conference'],
  ['planes de carrera', 'career ladders'],
  ['plan de carrera', 'career ladder'],
  ['career paths', 'career ladders'],
  ['career path', 'career ladder'],
]

/**
 * Common OKR vocabulary that means the same objective in different words or languages. Each entry
 * is one concept; its English and Spanish words are matched whole and by stem ("clientes",
 * "customers" and "client" all become #customer). Kept to words whose sense in an objective is
 * unambiguous; "sales" is revenue here because that is what "grow sales" means in an OKR.
 */
const CONCEPTS: ReadonlyArray<{ id: string; en: readonly string[]; es: readonly string[] }> = [
  {
    id: 'up',
    en: ['grow', 'growth', 'increase', 'boost', 'raise', 'improve', 'improvement', 'double', 'expand', 'better', 'higher', 'more', 'strengthen', 'enhance'],
    es: [
      'aumentar',
      'aumento',
      'crecer',
      'crecimiento',
      'incrementar',
      'subir',
      'mejorar',
      'mejora',
      'duplicar',
      'impulsar',
      'elevar',
      'fortalecer',
      'potenciar',
      'mejor',
    ],
  },
  {
    id: 'down',
    en: ['reduce', 'reduction', 'cut', 'lower', 'decrease', 'shrink', 'shorten', 'minimize', 'minimise', 'fewer', 'less', 'halve', 'slash'],
    es: ['reducir', 'reduccion', 'bajar', 'disminuir', 'recortar', 'acortar', 'minimizar', 'rebajar'],
  },
  {
    id: 'launch',
    en: ['launch', 'ship', 'release', 'introduce', 'rollout', 'publish'],
    es: ['lanzar', 'lanzamiento', 'publicar', 'sacar', 'implantar', 'implementar'],
  },
  { id: 'build', en: ['build', 'create', 'develop', 'generate'], es: ['construir', 'crear', 'desarrollar', 'montar', 'generar'] },
  {
    id: 'revenue',
    en: ['revenue', 'revenues', 'sales', 'sell', 'selling', 'income', 'arr', 'mrr', 'bookings'],
    es: ['ingresos', 'ingreso', 'ventas', 'venta', 'vender', 'facturar'],
  },
  { id: 'customer', en: ['customer', 'customers', 'client', 'clients'], es: ['cliente', 'clientes'] },
  { id: 'user', en: ['user', 'users'], es: ['usuario', 'usuarios'] },
  {
    id: 'employee',
    en: ['employee', 'employees', 'staff', 'people', 'workforce', 'headcount'],
    es: ['empleado', 'empleados', 'personal', 'plantilla', 'trabajadores', 'colaboradores'],
  },
  { id: 'churn', en: ['churn', 'attrition', 'turnover', 'cancellations'], es: ['rotacion', 'abandono', 'cancelaciones'] },
  { id: 'retention', en: ['retention', 'retain'], es: ['retencion', 'retener'] },
  {
    id: 'hire',
    en: ['hire', 'hiring', 'recruit', 'recruiting', 'recruitment'],
    es: ['contratar', 'contratacion', 'contrataciones', 'reclutamiento', 'reclutar'],
  },
  { id: 'cost', en: ['cost', 'costs', 'spend', 'spending', 'expense', 'expenses'], es: ['coste', 'costes', 'costo', 'costos', 'gasto', 'gastos'] },
  { id: 'cloud', en: ['cloud', 'aws', 'gcp', 'azure', 'infrastructure', 'hosting'], es: ['nube', 'infraestructura'] },
  { id: 'time', en: ['time', 'times', 'duration'], es: ['tiempo', 'tiempos', 'duracion'] },
  { id: 'fast', en: ['fast', 'faster', 'quick', 'quicker', 'quickly', 'speed', 'rapid'], es: ['rapido', 'rapida', 'rapidos', 'velocidad', 'agil'] },
  { id: 'app', en: ['app', 'apps', 'application'], es: ['aplicacion', 'aplicaciones'] },
  { id: 'mobile', en: ['mobile', 'smartphone'], es: ['movil', 'moviles'] },
  {
    id: 'certification',
    en: ['certification', 'certified', 'certify', 'certificate', 'audit'],
    es: ['certificacion', 'certificado', 'certificarnos', 'auditoria'],
  },
  { id: 'security', en: ['security', 'cybersecurity', 'secure'], es: ['seguridad', 'ciberseguridad'] },
  { id: 'training', en: ['training', 'train', 'learning'], es: ['formacion', 'formar', 'capacitacion', 'capacitar', 'aprendizaje'] },
  { id: 'engineer', en: ['engineer', 'engineers', 'engineering'], es: ['ingeniero', 'ingenieros', 'ingenieria'] },
  { id: 'developer', en: ['developer', 'developers', 'dev', 'devs'], es: ['desarrollador', 'desarrolladores'] },
  { id: 'diversity', en: ['diversity', 'inclusion'], es: ['diversidad', 'inclusion'] },
  { id: 'engagement', en: ['engagement', 'engaged'], es: ['compromiso', 'implicacion'] },
  { id: 'onboarding', en: ['onboarding', 'onboard'], es: ['incorporacion'] },
  { id: 'price', en: ['pricing', 'price', 'prices'], es: ['precio', 'precios', 'tarifas'] },
  { id: 'conversion', en: ['conversion', 'conversions', 'convert'], es: ['conversion', 'conversiones', 'convertir'] },
  { id: 'trial', en: ['trial', 'trials'], es: ['prueba', 'pruebas'] },
  { id: 'lead', en: ['lead', 'leads', 'mql', 'mqls'], es: [] },
  { id: 'brand', en: ['brand'], es: ['marca'] },
  { id: 'awareness', en: ['awareness', 'visibility', 'recognition'], es: ['reconocimiento', 'visibilidad', 'notoriedad'] },
  { id: 'expand', en: ['expand', 'expansion', 'enter', 'entry'], es: ['expandir', 'expandirnos', 'expansion', 'entrar'] },
  { id: 'market', en: ['market', 'markets'], es: ['mercado', 'mercados'] },
  { id: 'latam', en: ['latam'], es: ['latinoamerica', 'hispanoamerica', 'latam'] },
  { id: 'europe', en: ['europe', 'european', 'emea'], es: ['europa', 'europeo', 'europea'] },
  { id: 'asia', en: ['asia', 'asian', 'apac'], es: ['asia', 'asiatico'] },
  { id: 'spain', en: ['spain', 'spanish'], es: ['espana', 'espanol', 'espanola'] },
  { id: 'germany', en: ['germany', 'german'], es: ['alemania', 'aleman', 'alemana'] },
  { id: 'brazil', en: ['brazil', 'brazilian'], es: ['brasil', 'brasileno'] },
  { id: 'mexico', en: ['mexico', 'mexican'], es: ['mexico', 'mexicano'] },
  { id: 'support', en: ['support', 'helpdesk'], es: ['soporte'] },
  { id: 'ticket', en: ['ticket', 'tickets', 'requests'], es: ['ticket', 'tickets', 'solicitudes', 'consultas'] },
  { id: 'response', en: ['response', 'respond', 'reply', 'answer'], es: ['respuesta', 'responder', 'contestar'] },
  { id: 'satisfaction', en: ['satisfaction', 'csat'], es: ['satisfaccion'] },
  { id: 'data', en: ['data'], es: ['datos'] },
  { id: 'dashboard', en: ['dashboard', 'dashboards'], es: ['panel', 'paneles', 'cuadro'] },
  { id: 'test', en: ['test', 'tests', 'testing'], es: ['test', 'tests', 'testeo'] },
  { id: 'coverage', en: ['coverage', 'covered', 'cover'], es: ['cobertura', 'cubierto'] },
  { id: 'deploy', en: ['deploy', 'deploys', 'deployment', 'deployments'], es: ['desplegar', 'despliegue', 'despliegues'] },
  { id: 'production', en: ['production', 'prod'], es: ['produccion'] },
  {
    id: 'frequent',
    en: ['daily', 'frequency', 'frequent', 'frequently', 'often'],
    es: ['diario', 'diaria', 'diariamente', 'frecuencia', 'frecuente', 'frecuentemente'],
  },
  { id: 'debt', en: ['debt'], es: ['deuda'] },
  { id: 'technical', en: ['technical', 'tech'], es: ['tecnica', 'tecnico', 'tecnicos'] },
  { id: 'billing', en: ['billing', 'invoicing', 'invoice', 'invoices'], es: ['facturacion', 'factura', 'facturas'] },
  { id: 'migrate', en: ['migrate', 'migration', 'move'], es: ['migrar', 'migracion', 'mover'] },
  { id: 'kubernetes', en: ['kubernetes', 'k8s'], es: [] },
  { id: 'service', en: ['service', 'services', 'workloads'], es: ['servicio', 'servicios'] },
  { id: 'accessibility', en: ['accessibility', 'accessible', 'a11y'], es: ['accesibilidad', 'accesible'] },
  { id: 'compliance', en: ['compliant', 'compliance', 'comply'], es: ['cumplir', 'cumplimiento'] },
  { id: 'gdpr', en: ['gdpr'], es: ['rgpd'] },
  { id: 'carbon', en: ['carbon', 'emissions'], es: ['carbono', 'emisiones'] },
  { id: 'footprint', en: ['footprint'], es: ['huella'] },
  { id: 'partner', en: ['partner', 'partners', 'reseller', 'resellers', 'channel'], es: ['socio', 'socios', 'distribuidores', 'canal'] },
  { id: 'program', en: ['program', 'programme'], es: ['programa'] },
  { id: 'integration', en: ['integration', 'integrations', 'integrate'], es: ['integracion', 'integraciones', 'integrar'] },
  {
    id: 'profit',
    en: ['profitable', 'profitability', 'profit', 'breakeven', 'profits'],
    es: ['rentabilidad', 'rentable', 'rentables', 'beneficio', 'beneficios'],
  },
  { id: 'margin', en: ['margin', 'margins'], es: ['margen', 'margenes'] },
  { id: 'gross', en: ['gross'], es: ['bruto'] },
  { id: 'culture', en: ['culture'], es: ['cultura'] },
  { id: 'remote', en: ['remote', 'distributed'], es: ['remoto', 'distancia', 'teletrabajo'] },
  { id: 'budget', en: ['budget'], es: ['presupuesto'] },
  { id: 'performance', en: ['performance'], es: ['desempeno', 'rendimiento'] },
  { id: 'review', en: ['review', 'reviews', 'evaluation', 'appraisal', 'appraisals'], es: ['evaluacion', 'evaluaciones', 'revision'] },
  { id: 'career', en: ['career', 'careers'], es: ['carrera'] },
  { id: 'docs', en: ['documentation', 'docs'], es: ['documentacion'] },
  { id: 'public', en: ['public'], es: ['publica', 'publico'] },
  { id: 'search', en: ['search'], es: ['buscador', 'busqueda'] },
  { id: 'ai', en: ['ai', 'copilot', 'assistant'], es: ['ia', 'asistente'] },
  { id: 'community', en: ['community'], es: ['comunidad'] },
  { id: 'member', en: ['member', 'members'], es: ['miembro', 'miembros'] },
  { id: 'conference', en: ['conference', 'summit'], es: ['conferencia', 'congreso'] },
  { id: 'organic', en: ['organic'], es: ['organico'] },
  { id: 'traffic', en: ['traffic', 'visits', 'visitors'], es: ['trafico', 'visitas'] },
  { id: 'office', en: ['office', 'offices'], es: ['oficina', 'oficinas'] },
  { id: 'open', en: ['open', 'opening'], es: ['abrir', 'apertura', 'abierto', 'abiertos', 'abiertas'] },
  { id: 'automate', en: ['automate', 'automation', 'automated'], es: ['automatizar', 'automatizacion'] },
  { id: 'vulnerability', en: ['vulnerability', 'vulnerabilities', 'cve', 'cves'], es: ['vulnerabilidad', 'vulnerabilidades'] },
  { id: 'fix', en: ['fix', 'patch', 'remediate'], es: ['corregir', 'parchear', 'arreglar', 'solucionar'] },
  { id: 'critical', en: ['critical', 'sev1', 'p1'], es: ['critico', 'critica', 'criticos', 'criticas'] },
  { id: 'incident', en: ['incident', 'incidents', 'outage', 'outages'], es: ['incidente', 'incidentes', 'caida', 'caidas'] },
  { id: 'external', en: ['external'], es: ['externo', 'externa'] },
  { id: 'health', en: ['health'], es: ['salud'] },
  { id: 'cycle', en: ['cycle'], es: ['ciclo'] },
  { id: 'competitor', en: ['competitor', 'competitors', 'competition', 'competitive'], es: ['competencia', 'competidores'] },
  { id: 'translate', en: ['translate', 'translation', 'localize', 'localise', 'localization', 'localisation'], es: ['traducir', 'traduccion', 'localizar'] },
  { id: 'laptop', en: ['laptop', 'laptops'], es: ['portatil', 'portatiles', 'ordenador'] },
  { id: 'oncall', en: ['oncall'], es: ['guardia', 'guardias'] },
  { id: 'bug', en: ['bug', 'bugs', 'defects'], es: ['bug', 'bugs', 'errores', 'fallos'] },
  { id: 'crash', en: ['crash', 'crashes'], es: ['crash', 'crashes', 'cierres'] },
  { id: 'adoption', en: ['adoption', 'usage', 'use', 'using'], es: ['adopcion', 'uso', 'usar'] },
  { id: 'report', en: ['report', 'reports', 'reporting'], es: ['informe', 'informes', 'reporte', 'reportes'] },
  { id: 'meeting', en: ['meeting', 'meetings'], es: ['reunion', 'reuniones'] },
  { id: 'wednesday', en: ['wednesday', 'wednesdays'], es: ['miercoles'] },
  { id: 'referral', en: ['referral', 'referrals'], es: ['referido', 'referidos'] },
  { id: 'bonus', en: ['bonus'], es: ['bono', 'bonificacion'] },
  { id: 'latency', en: ['latency'], es: ['latencia'] },
  { id: 'uptime', en: ['uptime', 'availability', 'available'], es: ['disponibilidad', 'disponible'] },
  { id: 'platform', en: ['platform'], es: ['plataforma'] },
  { id: 'load', en: ['load', 'loading', 'loads'], es: ['carga', 'cargue', 'cargar'] },
  { id: 'website', en: ['website', 'web', 'site'], es: ['web', 'sitio'] },
  { id: 'signup', en: ['signup', 'signups', 'registration', 'register'], es: ['registro', 'registrarse'] },
  { id: 'team', en: ['team', 'teams'], es: ['equipo', 'equipos'] },
  { id: 'new', en: ['new'], es: ['nuevo', 'nueva', 'nuevos', 'nuevas'] },
  { id: 'first', en: ['first'], es: ['primer', 'primera', 'primero'] },
  { id: 'monthly', en: ['monthly'], es: ['mensual', 'mensuales'] },
  { id: 'quarterly', en: ['quarterly'], es: ['trimestral', 'trimestrales'] },
  { id: 'smb', en: ['smb', 'smbs', 'sme', 'smes'], es: ['pyme', 'pymes'] },
  { id: 'enterprise', en: ['enterprise', 'corporate'], es: ['corporativo', 'corporativos'] },
  { id: 'salesrep', en: ['salesrep', 'salespeople', 'reps'], es: ['comerciales', 'comercial', 'vendedores'] },
  { id: 'product', en: ['product', 'products'], es: ['producto', 'productos'] },
  { id: 'travel', en: ['travel', 'trip', 'trips'], es: ['viaje', 'viajes'] },
  { id: 'tool', en: ['tool', 'tools', 'software'], es: ['herramienta', 'herramientas'] },
  { id: 'collection', en: ['collect', 'collection', 'collections', 'dso'], es: ['cobro', 'cobros', 'cobrar', 'cobranza'] },
  { id: 'half', en: ['half', 'halve'], es: ['mitad'] },
  { id: 'role', en: ['role', 'roles', 'position', 'positions'], es: ['puesto', 'puestos', 'rol', 'roles'] },
  { id: 'ladder', en: ['ladder', 'ladders', 'framework'], es: [] },
  { id: 'advisory', en: ['advisory', 'advisor', 'advisors'], es: ['asesor', 'asesores', 'consultivo'] },
  { id: 'board', en: ['board', 'committee', 'council'], es: ['consejo', 'comite'] },
  { id: 'organize', en: ['organize', 'organise', 'host', 'hold'], es: ['organizar', 'celebrar'] },
  {
    id: 'funding',
    en: ['round', 'rounds', 'funding', 'financing', 'fundraise', 'fundraising', 'investment', 'investors', 'investor'],
    es: ['ronda', 'rondas', 'financiacion', 'financiamiento', 'inversion', 'inversores', 'inversor'],
  },
  { id: 'marketleader', en: ['marketleader', 'dominate', 'leading'], es: ['liderar', 'lider', 'dominar'] },
  { id: 'deal', en: ['deal', 'deals', 'contract', 'contracts', 'logo', 'logos'], es: ['contrato', 'contratos', 'acuerdo', 'acuerdos'] },
  { id: 'burn', en: ['burn', 'runway'], es: ['quema'] },
  { id: 'cafe', en: ['cafe', 'cafes', 'coffee'], es: ['cafeteria', 'cafeterias', 'cafe'] },
  { id: 'shop', en: ['shop', 'shops', 'store', 'stores', 'outlet', 'outlets'], es: ['tienda', 'tiendas', 'local', 'locales'] },
  { id: 'blog', en: ['blog', 'post', 'posts', 'article', 'articles'], es: ['blog', 'articulo', 'articulos', 'entrada', 'entradas'] },
  { id: 'weekly', en: ['weekly'], es: ['semanal', 'semanales', 'semanalmente'] },
  { id: 'yearly', en: ['annual', 'yearly', 'annually'], es: ['anual', 'anuales'] },
  { id: 'activation', en: ['activation', 'activate', 'activated'], es: ['activacion', 'activar'] },
  { id: 'purchase', en: ['purchase', 'purchases', 'buy', 'checkout', 'order', 'orders'], es: ['compra', 'compras', 'comprar', 'pedido', 'pedidos'] },
  { id: 'gender', en: ['gender', 'women', 'female'], es: ['genero', 'mujeres'] },
  { id: 'manager', en: ['manager', 'managers', 'management'], es: ['responsable', 'responsables', 'jefe', 'jefes', 'gerente', 'gerentes'] },
  { id: 'feedback', en: ['feedback'], es: ['feedback', 'retroalimentacion'] },
  { id: 'connector', en: ['connector', 'connectors', 'plugin', 'plugins', 'addon'], es: ['conector', 'conectores'] },
  { id: 'award', en: ['award', 'awards', 'prize'], es: ['premio', 'premios'] },
  { id: 'model', en: ['model', 'models', 'prediction', 'predictive', 'forecast'], es: ['modelo', 'modelos', 'prediccion', 'predictivo'] },
  { id: 'designer', en: ['designer', 'designers', 'design'], es: ['disenador', 'disenadora', 'disenadores', 'diseno'] },
  { id: 'policy', en: ['policy', 'policies'], es: ['politica', 'politicas'] },
  { id: 'operations', en: ['operations', 'operate'], es: ['operaciones', 'operar'] },
  { id: 'happy', en: ['happy', 'happier', 'happiness', 'satisfied'], es: ['feliz', 'felices', 'satisfechos', 'contentos'] },
  { id: 'qualified', en: ['qualified'], es: ['cualificado', 'calificado', 'cualificados', 'calificados'] },
  // Places, platforms, vendors and standards: two objectives naming different ones of a kind are
  // different objectives (see CONTRASTS).
  { id: 'usa', en: ['usa', 'american'], es: ['eeuu', 'norteamerica', 'estadounidense'] },
  { id: 'uk', en: ['uk', 'britain', 'british'], es: ['britanico'] },
  { id: 'france', en: ['france', 'french'], es: ['francia', 'frances', 'francesa'] },
  { id: 'portugal', en: ['portugal', 'portuguese'], es: ['portugues', 'portuguesa'] },
  { id: 'madrid', en: ['madrid'], es: [] },
  { id: 'barcelona', en: ['barcelona'], es: [] },
  { id: 'london', en: ['london'], es: ['londres'] },
  { id: 'berlin', en: ['berlin'], es: [] },
  { id: 'paris', en: ['paris'], es: [] },
  { id: 'lisbon', en: ['lisbon'], es: ['lisboa'] },
  { id: 'cdmx', en: ['cdmx'], es: [] },
  { id: 'bogota', en: ['bogota'], es: [] },
  { id: 'nyc', en: ['nyc'], es: [] },
  { id: 'saopaulo', en: ['saopaulo'], es: [] },
  { id: 'buenosaires', en: ['buenosaires'], es: [] },
  { id: 'android', en: ['android'], es: [] },
  { id: 'ios', en: ['ios', 'iphone', 'ipad'], es: [] },
  { id: 'salesforce', en: ['salesforce'], es: [] },
  { id: 'hubspot', en: ['hubspot'], es: [] },
  { id: 'slack', en: ['slack'], es: [] },
  { id: 'jira', en: ['jira'], es: [] },
  { id: 'zendesk', en: ['zendesk'], es: [] },
  { id: 'snowflake', en: ['snowflake'], es: [] },
  { id: 'shopify', en: ['shopify'], es: [] },
  { id: 'stripe', en: ['stripe'], es: [] },
  { id: 'sap', en: ['sap'], es: [] },
  { id: 'workday', en: ['workday'], es: [] },
  { id: 'netsuite', en: ['netsuite'], es: [] },
  { id: 'okta', en: ['okta'], es: [] },
  { id: 'github', en: ['github'], es: [] },
  { id: 'gitlab', en: ['gitlab'], es: [] },
  { id: 'intercom', en: ['intercom'], es: [] },
  { id: 'soc2', en: ['soc2'], es: [] },
  { id: 'iso', en: ['iso', '27001'], es: [] },
  { id: 'hipaa', en: ['hipaa'], es: [] },
  { id: 'pci', en: ['pci'], es: [] },
  { id: 'wcag', en: ['wcag'], es: [] },
  { id: 'bcorp', en: ['bcorp'], es: [] },
]

/**
 * Kinds of concept where naming different members means different objectives: "Grow revenue in
 * Europe" is not "Grow revenue in Asia", "Reduce customer churn" is not "Reduce employee turnover",
 * "Ship Salesforce integration" is not "Ship HubSpot integration". Concepts in one inner list count
 * as the same member (a user is a customer here).
 */
const CONTRASTS: Readonly<Record<string, ReadonlyArray<readonly string[]>>> = {
  audience: [['customer', 'user'], ['employee']],
  place: [
    ['latam'],
    ['europe'],
    ['asia'],
    ['spain'],
    ['germany'],
    ['brazil'],
    ['mexico'],
    ['usa'],
    ['uk'],
    ['france'],
    ['portugal'],
    ['madrid'],
    ['barcelona'],
    ['london'],
    ['berlin'],
    ['paris'],
    ['lisbon'],
    ['cdmx'],
    ['bogota'],
    ['nyc'],
    ['saopaulo'],
    ['buenosaires'],
  ],
  platform: [['android'], ['ios']],
  vendor: [
    ['salesforce'],
    ['hubspot'],
    ['slack'],
    ['jira'],
    ['zendesk'],
    ['snowflake'],
    ['shopify'],
    ['stripe'],
    ['sap'],
    ['workday'],
    ['netsuite'],
    ['okta'],
    ['github'],
    ['gitlab'],
    ['intercom'],
  ],
  standard: [['soc2'], ['iso'], ['gdpr'], ['hipaa'], ['pci'], ['wcag'], ['bcorp']],
  round: [['seriesa'], ['seriesb'], ['seriesc'], ['seed'], ['preseed']],
}

/** Contrast kinds whose members are names (weighed like a capitalised name), not audiences. */
const ENTITY_KINDS = ['place', 'platform', 'vendor', 'standard', 'round']

export interface Vocabulary {
  /** Folded phrase words → replacement words; keyed by first word, longest phrases first. */
  phrases: Map<string, ReadonlyArray<{ words: readonly string[]; replacement: readonly string[] }>>
  /** Exact folded word → concept id. */
  words: Map<string, string>
  /** Concept id → its first English word ("down" → "reduce"), for whoever needs the concept as English. */
  englishWords: Map<string, string>
  /** Stem in a language → concept id. */
  stems: Record<Language, Map<string, string>>
  /** Concept id → "kind:member" for concepts in CONTRASTS. */
  contrasts: Map<string, string>
  /** Concepts that name one specific thing (a place, vendor, standard, funding round): weighed as names. */
  entityConcepts: Set<string>
  /** Every word the tables name, for typo correction: delete-one variant (and the word) → words. */
  typoKeys: Map<string, string[]>
}

function buildVocabulary(): Vocabulary {
  const phrases: Vocabulary['phrases'] = new Map()
  for (const [from, to] of PHRASES) {
    const words = normalizeText(from).split(' ')
    const first = words[0] ?? ''
    const list = [...(phrases.get(first) ?? []), { words, replacement: to === '' ? [] : to.split(' ') }]
    list.sort((a, b) => b.words.length - a.words.length)
    phrases.set(first, list)
  }
  const words = new Map<string, string>()
  const englishWords = new Map<string, string>()
  const stems: Vocabulary['stems'] = { en: new Map(), es: new Map() }
  // The OKR table wins where both name a word: it is the more specific reading.
  for (const concept of [...GENERAL_CONCEPTS, ...CONCEPTS]) {
    const english = concept.en[0]
    if (english !== undefined) englishWords.set(concept.id, normalizeText(english))
    for (const language of ['en', 'es'] as const) {
      for (const raw of concept[language]) {
        const word = normalizeText(raw)
        words.set(word, concept.id)
        stems[language].set(stemWord(word, language), concept.id)
      }
    }
  }
  // A phrase's replacement ("casestudy", "allhands") is a concept of its own, never stemmed, so it
  // reads the same in every language.
  for (const { replacement } of [...phrases.values()].flat()) {
    for (const word of replacement) if (!words.has(word)) words.set(word, word)
  }
  const contrasts = new Map<string, string>()
  for (const [kind, members] of Object.entries(CONTRASTS)) {
    members.forEach((concepts, k) => {
      for (const id of concepts) contrasts.set(id, `${kind}:${k}`)
    })
  }
  const entityConcepts = new Set<string>(['seriesa', 'seriesb', 'seriesc', 'seed', 'preseed'])
  for (const kind of ENTITY_KINDS) for (const members of CONTRASTS[kind] ?? []) for (const id of members) entityConcepts.add(id)
  const typoKeys = new Map<string, string[]>()
  const known = new Set([...words.keys(), ...PHRASES.flatMap(([from]) => normalizeText(from).split(' '))])
  for (const word of known) {
    if (word.length < MIN_TYPO_WORD_LENGTH - 1) continue
    for (const key of [word, ...deletesOf(word)]) {
      const list = typoKeys.get(key)
      if (!list) typoKeys.set(key, [word])
      else if (!list.includes(word)) list.push(word)
    }
  }
  return { phrases, words, englishWords, stems, contrasts, entityConcepts, typoKeys }
}

const MIN_CROSS_LANGUAGE_LENGTH = 5

/** Shorter words have too many real neighbours one edit away ("cost" / "most" / "host"). */
const MIN_TYPO_WORD_LENGTH = 5

function deletesOf(word: string): string[] {
  const out: string[] = []
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1))
  return out
}

/** Optimal string alignment distance ≤ 1: one insertion, deletion, substitution or swap of neighbours. */
function isOneEditAway(a: string, b: string): boolean {
  if (a === b) return true
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1)
}

/**
 * Same length, only the last letter differs ("retail" / "retain", "sales" / "saled"): far more often
 * another real word than a typo, since people mistype inside words, not their ending.
 */
function isOtherEnding(a: string, b: string): boolean {
  return a.length === b.length && a.slice(0, -1) === b.slice(0, -1)
}

/**
 * The table word an unknown word is a one-edit typo of ("custmer" → "customer", "migarte" →
 * "migrate"), if exactly one concept or phrase word is that close; otherwise undefined. The first
 * letter must match: people rarely mistype it, and real words differing there are many ("phone" /
 * "iphone", "tender" / "gender").
 * Real words one edit from a table word ("scales" / "sales") are corrected too: a known, rare cost.
 */
export function correctTypo(word: string, vocab: Vocabulary): string | undefined {
  if (word.length < MIN_TYPO_WORD_LENGTH || !/^[a-z]+$/.test(word)) return undefined
  const found = new Set<string>()
  for (const key of [word, ...deletesOf(word)]) {
    for (const candidate of vocab.typoKeys.get(key) ?? []) {
      if (candidate[0] === word[0] && isOneEditAway(word, candidate) && !isOtherEnding(word, candidate)) found.add(candidate)
    }
  }
  if (found.size === 0) return undefined
  const sorted = [...found].sort()
  // Several candidates are fine when they mean the same concept ("client" / "clients").
  const concepts = new Set(sorted.map((w) => vocab.words.get(w) ?? w))
  return concepts.size === 1 ? sorted[0] : undefined
}

let vocabulary: Vocabulary | undefined
/** Built on first use: the table is small, but stemming it all at import time would slow startup. */
export function okrVocabulary(): Vocabulary {
  vocabulary ??= buildVocabulary()
  return vocabulary
}

/** Replaces known phrases ("latin america" → "latam") in a list of folded words. */
export function replacePhrases(words: readonly string[], vocab: Vocabulary): string[] {
  const out: string[] = []
  for (let i = 0; i < words.length; ) {
    const word = words[i] as string
    const match = vocab.phrases.get(word)?.find((p) => p.words.every((w, k) => words[i + k] === w))
    if (match) {
      out.push(...match.replacement)
      i += match.words.length
    } else {
      out.push(word)
      i++
    }
  }
  return out
}

/**
 * The concept a folded word stands for, if the OKR table knows it: by exact word, then by its stem
 * in the submission's language, then by its stem in the other language (mixed-language text).
 */
export function conceptOf(word: string, language: Language, vocab: Vocabulary): string | undefined {
  const exact = vocab.words.get(word)
  if (exact !== undefined) return exact
  const own = vocab.stems[language].get(stemWord(word, language))
  if (own !== undefined) return own
  // Short words' stems collide across languages ("date" / "datos"): only longer ones cross over.
  if (word.length < MIN_CROSS_LANGUAGE_LENGTH) return undefined
  const other: Language = language === 'en' ? 'es' : 'en'
  return vocab.stems[other].get(stemWord(word, other))
}
