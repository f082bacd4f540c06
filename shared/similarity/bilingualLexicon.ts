/**
 * General Spanish → English vocabulary, written from a learner's dictionary of everyday and business
 * words (not from any labelled set): the nouns, verbs and adjectives objectives in any sector use.
 * A Spanish word is read as its English translation before stemming, so "exportar vino a Japón" and
 * "export wine to Japan" share their terms even where no OKR concept names them. Each line is
 * "english: spanish forms…"; Spanish forms are matched by Spanish stem, so one infinitive covers its
 * conjugations. Words with two common senses are left out rather than guessed.
 */
const SPANISH_TO_ENGLISH = `
water: agua aguas
irrigation: riego regar irrigacion
field: campo campos
farm: granja granjas finca fincas explotacion
farmer: agricultor agricultores ganadero ganaderos
crop: cultivo cultivos cosecha cosechas
harvest: vendimia recoleccion
yield: rendimiento
wine: vino vinos
olive: aceituna aceitunas olivo olivos oliva
oil: aceite
fruit: fruta frutas
vegetable: verdura verduras hortaliza hortalizas
seed: semilla semillas
soil: suelo suelos tierra
animal: animal animales ganado
milk: leche
meat: carne
fish: pescado pescados pez
tree: arbol arboles
forest: bosque bosques
land: terreno terrenos
rain: lluvia lluvias
drought: sequia sequias
fire: incendio incendios fuego
building: edificio edificios obra obras construccion
house: vivienda viviendas casa
home: hogar hogares
street: calle calles
road: carretera carreteras
city: ciudad ciudades urbano urbana
town: pueblo pueblos municipio municipios
council: ayuntamiento ayuntamientos
neighbour: vecino vecinos vecinal vecinales
citizen: ciudadano ciudadanos ciudadania
resident: residente residentes habitante habitantes
tax: impuesto impuestos tasa tasas tributo
fine: multa multas
law: ley leyes
lawyer: abogado abogados abogada
court: tribunal tribunales juzgado juzgados
case: expediente expedientes
contract: contrato contratos
claim: siniestro siniestros
insurance: seguros aseguradora aseguradoras poliza polizas
risk: riesgo riesgos
paper: papel papeles
paperless: digitalizar digitalizacion
form: formulario formularios impreso
document: documento documentos
sign: firma firmas firmar
report: informe informes
meeting: reunion reuniones
email: correo correos
phone: telefono telefonos llamada llamadas
call: llamar
network: red redes
coverage: cobertura
fiber: fibra
signal: senal senales
line: linea lineas
news: noticia noticias
newspaper: periodico periodicos diario
article: articulo articulos
story: historia historias reportaje reportajes
audience: audiencia audiencias espectadores
viewer: espectador
listener: oyente oyentes
radio: emisora emisoras
chain: cadena cadenas
episode: episodio episodios
club: club clubes
fan: aficionado aficionados aficion hincha hinchas seguidor seguidores
season ticket: abono abonos abonado abonados
stadium: estadio estadios
match: partido partidos
team: equipo equipos plantilla
coach: entrenador entrenadores
league: liga ligas
flight: vuelo vuelos volar
plane: avion aviones aeronave
airline: aerolinea aerolineas
passenger: pasajero pasajeros viajero viajeros
luggage: equipaje maleta maletas
delay: retraso retrasos demora demoras
late: tarde tardio
punctual: puntual puntualidad
seat: asiento asientos
ticket: billete billetes
travel: viaje viajes viajar
tourist: turista turistas turismo
store: tienda tiendas
clothes: ropa prenda prendas
fashion: moda
collection: coleccion colecciones
size: talla tallas tamano
shop window: escaparate escaparates
shelf: estanteria estanterias
checkout: caja cajas
buy: comprar compra compras comprador compradores
sell: vender
shopper: consumidor consumidores
basket: cesta carrito
discount: descuento descuentos rebaja rebajas oferta ofertas
sustainable: sostenible sostenibles sostenibilidad
recycle: reciclar reciclaje reciclado
plastic: plastico plasticos
packaging: envase envases embalaje embalajes
green: verde verdes ecologico ecologica
solar: solar solares
panel: placa placas
light: luz luces iluminacion alumbrado
heating: calefaccion
bill: recibo recibos
household: domicilio domicilios
bike: bicicleta bicicletas bici bicis
car: coche coches vehiculo vehiculos
train: tren trenes
transport: transporte transportes
traffic jam: atasco atascos
noise: ruido ruidos
clean: limpio limpia limpieza limpiar
dirty: sucio sucia suciedad
rubbish: basura basuras
park: parque parques
library: biblioteca bibliotecas
museum: museo museos
culture: cultural
event: evento eventos
festival: festival festivales
book: libro libros
child: nino ninos nina ninas infantil infancia hijo hijos
young: joven jovenes juventud
elderly: mayores anciano ancianos
woman: mujer
man: hombre
person: persona personas gente
worker: obrero obreros operario operarios trabajador
boss: jefe jefes
manager: gerente gerentes responsable responsables director directores
leader: lider lideres liderazgo
owner: propietario propietarios dueno duenos
partner: aliado aliados
agency: agencia agencias
company: empresa empresas compania companias organizacion organizaciones
business: negocio negocios
department: departamento departamentos
branch: sucursal sucursales
shop floor: taller talleres
headquarters: sede sedes
country: pais paises
world: mundo mundial
region: region regiones regional
abroad: extranjero exterior internacional
export: exportar exportacion exportaciones
import: importar importacion importaciones importador importadores
goods: mercancia mercancias
product: producto productos
catalogue: catalogo
order: pedido pedidos encargo
pay: pago pagos pagar
debt: moroso morosos morosidad impago impagos
saving: ahorro ahorros ahorrar
investment: inversion inversiones invertir inversor inversores
fund: fondo fondos
round: ronda rondas
profit: ganancia ganancias
result: resultado resultados
goal: meta metas objetivo objetivos
plan: plan planes planificar planificacion
strategy: estrategia estrategias
project: proyecto proyectos
task: tarea tareas
process: proceso procesos
step: paso pasos
problem: problema problemas
error: fallo fallos errores
mistake: equivocacion
question: pregunta preguntas duda dudas
idea: idea ideas
change: cambio cambios cambiar
tool: herramienta herramientas
system: sistema sistemas
platform: plataforma plataformas
website: web webs pagina paginas portal
content: contenido contenidos
video: videos
survey: encuesta encuestas
opinion: opinion
feedback: comentarios
knowledge: conocimiento conocimientos saber
skill: habilidad habilidades competencia competencias destreza
language: idioma idiomas lengua
english: ingles
talent: talento
job: empleo empleos puesto puestos trabajo
shift: turno turnos
schedule: horario horarios calendario plazo plazos
deadline: fecha fechas
week: semana semanas semanal
month: mes meses mensual
year: ano anos anual
quarter: trimestre trimestres trimestral
weekend: finde
speed: rapidez
slow: lento lenta lentitud
easy: facil faciles sencillo sencilla
hard: dificil dificiles
simple: simplificar
new: nuevo nueva nuevos nuevas
old: viejo vieja antiguo antigua
big: grande grandes
small: pequeno pequena pequenos pequenas
first: primer primero primera primeros
last: ultimo ultima
best: mejores
all: todo toda todos todas
every: cada
whole: entero entera
own: propio propia propios propias
local: local locales
national: nacional nacionales
free: gratis gratuito gratuita gratuitos
cheap: barato barata baratos baratas
expensive: caro cara caros caras
full: lleno llena completo completa
empty: vacio vacia
zero: ninguno ninguna
win: ganar
lose: perder
reach: alcanzar llegar lograr conseguir
keep: mantener conservar
stop: dejar parar detener evitar
start: empezar comenzar iniciar arrancar inicio
end: fin final terminar
prepare: preparar
offer: ofrecer
use: usar uso utilizar utilizacion emplear
give: dar
get: obtener recibir
find: encontrar
know: conocer
measure: medir medicion
control: controlar
check: comprobar revisar verificar
answer: contestar
ask: pedir solicitar
sign up: apuntarse inscribirse inscripcion inscripciones registro registrarse
join: unirse sumarse
attract: atraer captar captacion
win back: recuperar
replace: sustituir reemplazar sustitucion
renew: renovar renovacion renovaciones
repair: reparar reparacion reparaciones
maintain: mantenimiento
protect: proteger proteccion
prevent: prevenir
help: ayudar
teach: ensenar ensenanza
learn: aprender
hire: fichar fichaje fichajes
dismiss: despedir despido despidos
save: guardar
share: compartir
sell out: agotar
fill: llenar rellenar
reduce: reducir
double: doble
half: mitad
percent: porcentaje
phase: fase fases
restore: reponer restablecer restaurar
gym: gimnasio gimnasios
fitness: deportivo deportiva deporte deportes
journal: revista revistas
copy: ejemplar ejemplares
novel: novela novelas
author: autor autores escritor escritores
publisher: editorial editoriales
courier: mensajero mensajeros mensajeria
rider: rider riders
attendance: afluencia asistentes
exhibition: exposicion exposiciones muestra
property: inmueble inmuebles propiedad propiedades
real estate: inmobiliaria inmobiliario
buyer: compradora
seller: vendedora
lab: laboratorio laboratorios
trial: ensayo ensayos
clinical: clinico clinicos
molecule: molecula moleculas
meter: contador contadores
leak: fuga fugas
pipe: tuberia tuberias
consultant: consultor consultores consultora asesor asesores
advice: asesoria asesoramiento consejo
billable: facturable facturables
proposal: propuesta propuestas
vet: veterinario veterinarios veterinaria
pet: mascota mascotas
dog: perro perros
cat: gato gatos
studio: estudio estudios
gamer: jugones
download: descarga descargas descargar
rating: valoracion
review: critica
launch: estrenar
level: nivel
exam pass: aprobado aprobados aprobar
certificate: titulo titulos diploma
fee: matricula matriculas
enrolment: inscrito inscritos matriculado matriculados
japan: japon japones japonesa japoneses
china: chino china chinos chinas
france: francia frances francesa franceses
italy: italia italiano italiana italianos
portugal: portugues portuguesa portugueses
morocco: marruecos marroqui marroquies
netherlands: holanda holandes neerlandes
belgium: belgica belga
switzerland: suiza suizo
sweden: suecia sueco
poland: polonia polaco
greece: grecia griego
turkey: turquia turco
russia: rusia ruso
england: inglaterra
ireland: irlanda irlandes
scotland: escocia
canada: canadiense canadienses
peru: peruano
argentina: argentino argentinos
colombia: colombiano colombianos
chile: chileno chilenos
london: londres
lisbon: lisboa
porto: oporto
paris: parisino
rome: roma
brussels: bruselas
geneva: ginebra
seville: sevilla
saragossa: zaragoza
catalonia: cataluna catalan catalana
andalusia: andalucia andaluz andaluza
basque: vasco vasca euskadi
canaries: canarias canario
balearics: baleares balear
efficiency: eficiencia eficiente eficientes
productivity: productividad productivo productiva
capacity: capacidad capacidades aforo
volume: volumen volumenes
level: nivel niveles
rate: ratio ratios indice indices
number: numero numeros cantidad cifra cifras
amount: importe importes
total: totales
employee: empleada empleadas
hour: horaria
access: acceder
visible: visibles
transparent: transparente transparencia
bureaucracy: burocracia papeleo
online service: telematico telematica
complaint: denuncia denuncias
resolve: resolver resolucion
manage: administrar
organise: organizar
coordinate: coordinar coordinacion
communicate: comunicar comunicacion comunicaciones
inform: informar
explain: explicar
listen: escuchar
involve: involucrar implicar
motivate: motivar motivacion motivado motivados
recognise: reconocer
celebrate: celebrar celebracion
reward: premiar
leave: marcharse irse
quit: dimitir dimision dimisiones renuncia renuncias
unemployment: paro desempleo
young people: chavales
woman worker: trabajadora trabajadoras
mother: maternidad
father: paternidad
child care: guarderia guarderias
disability: discapacidad discapacitados
accessible: adaptado adaptada adaptados
equality: paridad
salary: nominas
contract type: temporal temporales indefinido indefinidos fijo fijos
part time: parcial
freelance: autonomo autonomos
intern: becario becarios practicas
graduate: graduado graduados titulado titulados
university: universitario universitarios
research: investigacion investigar investigador investigadores
innovation: innovacion innovar innovador
patent: patente patentes
prototype: prototipo prototipos
pilot: piloto pilotos
competitor: rival rivales
leader: liderar
reputation: reputacion imagen
trust: confianza confiar
image: imagenes
transparency: claridad
community: vecindario
volunteer work: voluntariado
charity: solidario solidaria solidaridad benefico benefica
donor: mecenas
foundation: fundacion fundaciones
help desk: centralita
reception: recepcion recepcionista
front desk: mostrador
counter: ventanilla ventanillas
queue time: esperas
automation: robotizar robotizacion
robot: robot robots
sensor: sensor sensores
tracking: seguimiento rastreo trazabilidad
map: mapa mapas
location: ubicacion ubicaciones localizacion
distance: distancia
kilometre: kilometro kilometros km
weight: peso pesos kilo kilos
tonne: tonelada toneladas
litre: litro litros
square metre: metros
size: superficie
space: espacio espacios
furniture: mueble muebles mobiliario
garden: jardin jardines
tree planting: reforestar reforestacion
nature: naturaleza
biodiversity: biodiversidad
pollution: contaminacion contaminar contaminante
air: aire
climate: climatico climatica
emission: emitir
neutral: neutro neutra neutralidad
renewable: renovable renovables
wind: eolica eolico viento
battery: bateria baterias
charger: cargador cargadores
hydrogen: hidrogeno
gas: gas
heat: calor
cold: frio
temperature: temperatura temperaturas
absence: ausencia ausencias absentismo
holiday: vacaciones festivo festivos
summer: verano
winter: invierno
spring: primavera
autumn: otono
semester: semestre semestres semestral
stock market: bolsa
listing: cotizar
chain: franquicia
group: grupo grupos
association: asociacion asociaciones
union: sindicato sindicatos
agreement: convenio convenios pacto
tender: concurso concursos licitacion licitaciones
award: adjudicar adjudicacion
public sector: administracion
government: gobierno gobiernos estatal
ministry: ministerio
hospitality: hosteleria hostelero hostelera hoteleras hotelero
chef: cocinero chef
waiter: camarero camareros
bakery: panaderia panaderias
coffee: cafe cafes cafeteria cafeterias
bar: bares
beer: cerveza cervezas
retail: minorista minoristas
wholesale: mayorista mayoristas
distribution: distribucion distribuir distribuidora
logistics: logistica logistico
port: puerto puertos
container: contenedor contenedores
pallet: palet palets
engine: motor motores
part: pieza piezas recambio recambios
tyre: neumatico neumaticos
workshop: obrador
installation: instalacion instalaciones instalar
machine: aparato aparatos
device: dispositivo dispositivos
computer: ordenador ordenadores computadora
laptop: portatil portatiles
screen: pantalla pantallas
printer: impresora impresoras
update: actualizar actualizacion actualizaciones
version: version versiones
feature: funcionalidad funcionalidades funcion funciones
bug: bugs
user experience: experiencia
interface: interfaz
login: acceso accesos
password: contrasena contrasenas
key: clave claves
privacy: privacidad
backup: copia copias respaldo
server: servidor servidores
storage: almacenamiento
outage: apagon corte cortes
speed up: acelerar agilizar
slow down: frenar
queue: fila filas
visitor: visitante visitantes
member: socio socia
membership: afiliacion
subscription: cuota cuotas
donation: aportacion aportaciones donativo donativos
sponsor: patrocinador patrocinadores patrocinio
advertising: publicidad anuncio anuncios anunciante anunciantes
campaign: campana campanas
influencer: influencers
press: prensa
journalist: periodista periodistas
interview: entrevista entrevistas
recording: grabacion grabar
film: pelicula peliculas cine rodaje
music: musica concierto conciertos
concert: recital
ticket sales: taquilla
player: futbolista futbolistas
training session: entrenamiento entrenamientos
youth team: cantera
school: academia academias
exam: examen examenes
grade: calificacion calificaciones
teacher: tutor tutores
scholarship: beca becas
parent: padre madre madres
neighbourhood: barrio barrios
street lighting: farola farolas
waste collection: recogida
pothole: bache baches
sidewalk: acera aceras
cyclist: ciclista ciclistas
bike lane: carril
pedestrian: peaton peatones peatonal
police: policia
crime: delito delitos delincuencia robo robos hurto hurtos
theft: sustraccion
care: cuidado cuidados cuidar atender atencion
nursing home: residencia residencias geriatrico
emergency: urgencia urgencias emergencia emergencias
ambulance: ambulancia ambulancias
bed: cama camas
surgery: operacion operaciones cirugia quirofano
vaccine: vacuna vacunas vacunacion vacunar
diagnosis: diagnostico diagnosticos
treatment: tratamiento tratamientos
premium: prima primas
policyholder: asegurado asegurados
broker: corredor corredores mediador mediadores
fraud: estafa estafas
lawsuit: demanda demandas pleito pleitos juicio juicios
ruling: sentencia sentencias
legal: juridico juridica legal legales
regulation: normativa normativas regulacion reglamento
permit: autorizacion autorizaciones
inspection: inspeccion inspecciones
heat pump: aerotermia
insulation: aislamiento aislar
roof: tejado tejados cubierta
window: ventana ventanas
renovation: reforma reformas rehabilitacion rehabilitar
apartment: piso pisos apartamento apartamentos
rent: alquiler alquileres alquilar arrendamiento
tenant: inquilino inquilinos
landlord: casero caseros arrendador
mortgage: hipotecario
price rise: subida subidas encarecimiento
stock level: existencia
supply: suministro suministros abastecimiento abastecer
shortage: escasez falta faltas rotura
raw material: materia materias
steel: acero
wood: madera
cement: cemento hormigon
brick: ladrillo ladrillos
crane: grua gruas
architect: arquitecto arquitectos
engineer: aparejador aparejadores
handover: entregar
defect: desperfecto desperfectos tara
warranty: garantia garantias
after sales: posventa
spare: repuesto repuestos
install: montaje
carrier: transportista transportistas operador operadores
telecom: telecomunicaciones teleco
antenna: antena antenas
broadband: banda
router: router routers
rural: rural rurales
village: aldea aldeas
grow: ampliar ampliacion
shrink: encoger
layoff: ere
cut: recorte recortes
overtime: extras
bonus: bonus bono bonos incentivo incentivos
commission: comision comisiones
sales team: comercial comerciales vendedor vendedores
visit: visitar
deal: trato tratos
negotiation: negociacion negociar negociaciones
cheaper: abaratar
range: surtido
opening: inauguracion inaugurar
closing: cierre cierres cerrar
move: traslado trasladar mudanza mudar
expand abroad: internacionalizar internacionalizacion
franchise: franquiciado franquiciados
returns: devolver
satisfied: satisfecho satisfechos contento contentos
happy: feliz felices
unhappy: insatisfecho insatisfechos descontento
loyal: leal leales
recommend: recomendar recomendacion recomendaciones
review: opinar
score: puntuar
second: segundo segundos
`

/**
 * English near-synonyms as they are used in objectives, each line "canonical: variants…". Matched by
 * English stem. Only words whose objective sense is the same in (almost) every context.
 */
const ENGLISH_SYNONYMS = `
goal: target objective aim
reach: achieve attain hit accomplish
start: begin kick initiate commence
end: finish conclude
keep: maintain preserve
stop: prevent avoid eliminate eradicate
get: obtain gain acquire earn
use: utilise utilize employ adopt leverage
make: produce manufacture
check: verify inspect
help: assist aid
show: display demonstrate
buy: purchase
sell: resell
company: firm organisation organization enterprise corporation
business: trade
job: role position post
worker: labourer laborer
boss: supervisor
manager: head director
problem: issue
mistake: error
delay: lateness
late: overdue delayed
on time: punctual punctuality timely
schedule: timetable calendar
big: large huge major
small: little minor
new: fresh novel
old: legacy outdated
fast: swift prompt
easy: simple effortless straightforward
hard: difficult
cheap: affordable inexpensive
clean: tidy
house: housing
home: household
city: urban municipal
town: village municipality
citizen: resident inhabitant
store: shop outlet boutique
clothes: clothing garment garments apparel
shopper: consumer buyer
discount: promotion sale
goods: merchandise
passenger: traveller traveler flyer
luggage: baggage suitcase
flight: flying
fan: supporter supporters
match: game fixture
audience: viewers viewership readership
viewer: watcher
story: feature
news: journalism
lawyer: attorney solicitor counsel
court: tribunal
case: matter
insurance: insurer cover
contract: agreement
paperless: digitise digitize digitisation digitization
paper: printed
phone: telephone call
network: 5g 4g broadband
signal: reception
child: kid kids children
young: youth teen teenager teenagers
elderly: senior seniors older
worker: workers
reduce: decrease lessen
double: twice
win back: regain recover
attract: draw
skill: capability competence
knowledge: expertise know-how
talent: talents
gym: gyms
fitness: sport sports workout
copy: copies
novel: novels fiction
publisher: publishing
courier: couriers rider riders
attendance: attend attendees turnout footfall
exhibition: exhibit exhibitions show
property: properties listing
real estate: realty estate
lab: laboratory laboratories
outage: cut
consultant: advisor adviser advisors advisers consultancy
billable: chargeable
proposal: pitch
vet: veterinarian veterinary
pet: pets
download: downloads
streaming: livestream stream
enrolment: enrollment enrol enroll enrolled enrolments
fee: tuition
japan: japanese
china: chinese
france: french
italy: italian
portugal: portuguese
morocco: moroccan
netherlands: dutch holland
belgium: belgian
switzerland: swiss
sweden: swedish
poland: polish
greece: greek
turkey: turkish
russia: russian
ireland: irish
scotland: scottish
canada: canadian
peru: peruvian
argentina: argentinian argentine
colombia: colombian
chile: chilean
seville: sevilla
saragossa: zaragoza
catalonia: catalan
andalusia: andalucia andalusian
basque: euskadi
canaries: canary
balearics: balearic
efficiency: efficient
productivity: productive output
capacity: throughput
number: count quantity
amount: sum
rate: ratio index
resolve: resolution solve settle
manage: administer
organise: organize
communicate: communication communications
inform: notify
involve: engagement
motivate: motivation motivated
recognise: recognize recognition
celebrate: celebration
quit: resign resignation resignations
unemployment: jobless
child care: childcare daycare nursery
disability: disabled
equality: parity
freelance: freelancer freelancers contractor contractors
intern: internship internships trainee trainees apprentice apprentices apprenticeship
graduate: graduates grad grads
research: researcher researchers
innovation: innovate innovative
prototype: mockup
pilot: trial
competitor: rival rivals
reputation: image
trust: confidence trustworthy
charity: charitable nonprofit
reception: receptionist
tracking: track traceability trace
location: place
kilometre: kilometer km
tonne: ton tons tonnes
litre: liter
pollution: pollute polluting pollutant
climate: climatic
neutral: neutrality
renewable: renewables
wind: turbine turbines
battery: batteries
charger: charging chargers
temperature: temperatures
absence: absenteeism absent
sick leave: sickness illness
holiday: vacation leave
stock market: stock exchange bourse
listing: ipo flotation
public sector: administration
government: state governmental
tender: bid bids tendering procurement rfp
award: awarded
hospitality: hotelier hoteliers
chain: franchise
coffee: cafe espresso
retail: retailer retailers
distribution: distribute distributor
logistics: logistic
device: gadget
computer: pc desktop
update: upgrade
feature: functionality
login: access signin
password: credential credentials passkey
speed up: accelerate expedite
outage: blackout
advertising: ads advert adverts advertisement advertisements advertiser advertisers
campaign: campaigns
film: movie movies cinema
player: athlete athletes
school: academy
grade: grades marks
pothole: potholes
bike lane: cycleway cyclelane
crime: theft thefts robbery burglary
care: caring
surgery: operation operations
vaccine: vaccination immunisation immunization jab jabs
lawsuit: litigation suit lawsuits
ruling: judgment judgement verdict
regulation: regulatory
permit: authorisation authorization
renovation: refurbish refurbishment retrofit
apartment: flat flats
rent: lease leasing rental
tenant: renter renters
shortage: stockout scarcity
supply: supplies
warranty: guarantee
after sales: aftersales
carrier: operator telco
broadband: fibre fiber
layoff: redundancy redundancies
bonus: incentive incentives
sales team: salespeople salesforce
negotiation: negotiate
opening: inaugurate inauguration
closing: close shut shutdown
move: relocate relocation
expand abroad: internationalise internationalize internationalisation internationalization
satisfied: pleased
happy: happier
recommend: referral referrals
`

function parse(table: string): Array<[string, string[]]> {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [head = '', rest = ''] = line.split(':')
      return [
        head.trim(),
        rest
          .trim()
          .split(/\s+/)
          .filter((w) => w !== ''),
      ] as [string, string[]]
    })
}

/** Spanish form → English word (may be two words, e.g. "sign up"). */
export const SPANISH_ENGLISH_PAIRS: ReadonlyArray<readonly [string, string]> = parse(SPANISH_TO_ENGLISH).flatMap(([en, forms]) =>
  forms.map((es) => [es, en] as const),
)

/** English variant → its canonical English word. */
export const ENGLISH_SYNONYM_PAIRS: ReadonlyArray<readonly [string, string]> = parse(ENGLISH_SYNONYMS).flatMap(([canonical, forms]) =>
  forms.map((w) => [w, canonical] as const),
)
