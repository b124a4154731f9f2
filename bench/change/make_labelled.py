#!/usr/bin/env python3
"""Writes the labelled change set: fictional news version pairs in five languages, each labelled
with whether the new version is a stealth edit and which notes it adds. Every pair is assigned to
dev or held-out by a seeded coin BEFORE any detector runs on it, so tuning on dev cannot see the
held-out part. Output: core/src/test/resources/change-labelled/{dev,heldout}.jsonl.

    python3 bench/change/make_labelled.py
"""
import json
import os
import random

SEED = 12

# Each article: title, alternative title, lede and a paraphrase of it (same facts), a figure
# sentence with {n}, a name sentence with {name}, a quotation sentence with {q}, a sentence and its
# negation, a filler that can be deleted, a new sentence that can be added, a distractor that uses
# a note word in its ordinary sense.
ARTICLES = {
    "en": [
        dict(title="Council passes housing budget", alt="Housing budget: what it means for renters",
             lede="The city council approved the housing budget on Tuesday evening.",
             para="On Tuesday evening the housing budget was approved by the city council.",
             fig="The plan sets aside {n} million pounds for new homes.", n=(12, 21, 2400),
             name="The proposal was drafted by councillor {name} over the summer.", names=("Helen Okafor", "Helen Okoro"),
             quote="\u201c{q}\u201d, the council leader told reporters.", q=("We will build where people need homes", "We will build where we can"),
             pos="The opposition supported the final version.", neg="The opposition did not support the final version.",
             filler="The meeting lasted almost four hours.", extra="Construction is expected to start in the spring.",
             stamp=("Updated 10:33 GMT", "Updated 11:02 GMT"),
             distractor="The correction in house prices continued through the autumn."),
        dict(title="Storm closes coastal roads", alt="Coastal roads shut as storm hits",
             lede="Heavy rain closed several coastal roads early on Sunday.",
             para="Several coastal roads were closed early on Sunday after heavy rain.",
             fig="Forecasters recorded {n} millimetres of rain in twelve hours.", n=(80, 130, 1150),
             name="The coastguard said {name} had coordinated the rescue effort.", names=("Tom Brennan", "Tim Brennan"),
             quote="\u201c{q}\u201d, a spokesperson said.", q=("Nobody should travel unless they have to", "Drivers should take care"),
             pos="The ferry service will run as normal on Monday.", neg="The ferry service will not run as normal on Monday.",
             filler="Several shops in the harbour closed early.", extra="A second band of rain is due on Tuesday.",
             stamp=("Published 07:15 BST", "Published 09:40 BST"),
             distractor="Officials said an update to the warning system was overdue."),
        dict(title="Club appoints new manager", alt="New manager for struggling club",
             lede="The club named its new manager after a month-long search.",
             para="After a search lasting a month the club named its new manager.",
             fig="The contract runs for {n} years, the club said.", n=(3, 4, 1200),
             name="The new manager previously coached {name} in the second division.", names=("Ashford Town", "Ashton Rovers"),
             quote="\u201c{q}\u201d, the chairman said.", q=("He is the right man for the job", "He was our third choice"),
             pos="The board was unanimous in its decision.", neg="The board was not unanimous in its decision.",
             filler="Supporters gathered outside the ground on Friday.", extra="His first match is away on Saturday.",
             stamp=("Last updated 14:05", "Last updated 16:20"),
             distractor="Editors noted the club had been without a manager since March."),
        dict(title="Hospital waiting times rise", alt="Patients wait longer at city hospital",
             lede="Waiting times at the city hospital rose again last month.",
             para="Last month waiting times rose again at the city hospital.",
             fig="Patients waited an average of {n} minutes in the emergency department.", n=(95, 140, 1380),
             name="The figures were published by the health trust chaired by {name}.", names=("Priya Nair", "Priya Naidu"),
             quote="\u201c{q}\u201d, a senior nurse said.", q=("Staff are working flat out", "Staff are exhausted and leaving"),
             pos="The trust expects the numbers to improve by summer.", neg="The trust does not expect the numbers to improve by summer.",
             filler="The hospital opened a new car park in January.", extra="A new ward is due to open in June.",
             stamp=("Updated 2 hours ago", "Updated 5 minutes ago"),
             distractor="Clarification of the new rules is expected next week, the minister said."),
    ],
    "de": [
        dict(title="Stadtrat beschließt Haushalt", alt="Haushalt beschlossen: Das ändert sich",
             lede="Der Stadtrat hat am Dienstagabend den Haushalt beschlossen.",
             para="Am Dienstagabend hat der Stadtrat den Haushalt beschlossen.",
             fig="Für neue Wohnungen sind {n} Millionen Euro vorgesehen.", n=(12, 21, 2400),
             name="Den Entwurf hatte die Stadträtin {name} im Sommer vorgelegt.", names=("Anna Becker", "Anna Bäcker"),
             quote="\u201e{q}\u201c, sagte der Oberbürgermeister.", q=("Wir bauen dort, wo Menschen Wohnungen brauchen", "Wir bauen, wo es möglich ist"),
             pos="Die Opposition stimmte dem Plan zu.", neg="Die Opposition stimmte dem Plan nicht zu.",
             filler="Die Sitzung dauerte fast vier Stunden.", extra="Die Bauarbeiten sollen im Frühjahr beginnen.",
             distractor="Die Korrektur der Prognose kam für viele überraschend."),
        dict(title="Sturm legt Bahnverkehr lahm", alt="Bahnchaos nach Sturm",
             lede="Ein Sturm hat am Sonntag den Bahnverkehr im Norden lahmgelegt.",
             para="Am Sonntag hat ein Sturm im Norden den Bahnverkehr lahmgelegt.",
             fig="Auf {n} Strecken fuhren keine Züge.", n=(14, 41, 1500),
             name="Ein Sprecher der Bahn namens {name} bestätigte die Ausfälle.", names=("Jonas Weber", "Jonas Wagner"),
             quote="\u201e{q}\u201c, sagte der Sprecher.", q=("Wir rechnen mit Ausfällen bis Montag", "Die Lage ist unter Kontrolle"),
             pos="Die Fernzüge fahren ab Montag wieder.", neg="Die Fernzüge fahren ab Montag nicht wieder.",
             filler="Viele Reisende übernachteten in den Bahnhöfen.", extra="Für Dienstag wird erneut Sturm erwartet.",
             distractor="Die Aktualisierung der Fahrpläne dauert noch an."),
        dict(title="Museum erhält Gemälde zurück", alt="Gestohlenes Gemälde wieder da",
             lede="Das Stadtmuseum hat ein vor Jahren gestohlenes Gemälde zurückerhalten.",
             para="Ein vor Jahren gestohlenes Gemälde hat das Stadtmuseum zurückerhalten.",
             fig="Das Bild war vor {n} Jahren aus dem Depot verschwunden.", n=(11, 17, 1300),
             name="Gefunden wurde es bei einem Sammler in {name}.", names=("Basel", "Bern"),
             quote="\u201e{q}\u201c, sagte die Direktorin.", q=("Das ist ein großer Tag für die Stadt", "Wir sind erleichtert"),
             pos="Der Sammler wusste von der Herkunft des Bildes.", neg="Der Sammler wusste nichts von der Herkunft des Bildes.",
             filler="Das Museum ist montags geschlossen.", extra="Ab März soll das Bild wieder ausgestellt werden.",
             distractor="Die Klarstellung des Ministeriums steht noch aus."),
    ],
    "fr": [
        dict(title="Le conseil adopte le budget", alt="Budget adopté : ce qui change",
             lede="Le conseil municipal a adopté le budget mardi soir.",
             para="Mardi soir, le budget a été adopté par le conseil municipal.",
             fig="Le plan prévoit {n} millions d'euros pour le logement.", n=(12, 21, 2400),
             name="Le projet avait été préparé par l'adjointe {name} cet été.", names=("Claire Martin", "Claire Morin"),
             quote="\u00ab {q} \u00bb, a déclaré le maire.", q=("Nous construirons là où les gens en ont besoin", "Nous construirons là où c'est possible"),
             pos="L'opposition a soutenu le texte final.", neg="L'opposition n'a pas soutenu le texte final.",
             filler="La séance a duré près de quatre heures.", extra="Les travaux devraient commencer au printemps.",
             distractor="La mise à jour du logiciel municipal est prévue lundi."),
        dict(title="Grève dans les transports", alt="Transports : la grève continue",
             lede="Une grève perturbe les transports en commun depuis lundi.",
             para="Depuis lundi, les transports en commun sont perturbés par une grève.",
             fig="Seuls {n} bus sur dix circulent, selon la régie.", n=(3, 6, 1100),
             name="Le syndicat est représenté par {name}.", names=("Julien Petit", "Julien Lefort"),
             quote="\u00ab {q} \u00bb, a affirmé le délégué.", q=("Nous irons jusqu'au bout", "Nous sommes prêts à négocier"),
             pos="La direction a accepté de rencontrer les syndicats.", neg="La direction n'a pas accepté de rencontrer les syndicats.",
             filler="Les usagers se sont rabattus sur le vélo.", extra="Une nouvelle réunion est prévue jeudi.",
             distractor="La précision des horaires reste un problème, selon les usagers."),
        dict(title="Record de chaleur en juin", alt="Chaleur record dans le sud",
             lede="Un record de chaleur a été battu dimanche dans le sud du pays.",
             para="Dimanche, le sud du pays a connu un record de chaleur.",
             fig="Le thermomètre a atteint {n} degrés à l'ombre.", n=(41, 44, 1200),
             name="Selon {name}, l'épisode devrait durer une semaine.", names=("Météo-France", "Météo Sud"),
             quote="\u00ab {q} \u00bb, a indiqué un prévisionniste.", q=("La vigilance reste de mise", "Le pire est passé"),
             pos="Les écoles resteront ouvertes lundi.", neg="Les écoles ne resteront pas ouvertes lundi.",
             filler="Les piscines ont été prises d'assaut.", extra="Des orages sont attendus en fin de semaine.",
             distractor="Le rectorat a publié une note sur les horaires d'été."),
    ],
    "es": [
        dict(title="El ayuntamiento aprueba el presupuesto", alt="Presupuesto aprobado: qué cambia",
             lede="El ayuntamiento aprobó el presupuesto el martes por la noche.",
             para="El martes por la noche el presupuesto fue aprobado por el ayuntamiento.",
             fig="El plan reserva {n} millones de euros para vivienda.", n=(12, 21, 2400),
             name="El proyecto fue redactado por la concejala {name} en verano.", names=("Lucía Gómez", "Lucía Gámez"),
             quote="\u00ab{q}\u00bb, dijo el alcalde.", q=("Construiremos donde la gente necesita casas", "Construiremos donde podamos"),
             pos="La oposición apoyó la versión final.", neg="La oposición no apoyó la versión final.",
             filler="La sesión duró casi cuatro horas.", extra="Las obras empezarán en primavera.",
             distractor="La actualización de los datos llegará el lunes."),
        dict(title="Incendio forestal en la sierra", alt="La sierra arde",
             lede="Un incendio forestal obligó a desalojar dos pueblos el domingo.",
             para="El domingo, dos pueblos tuvieron que ser desalojados por un incendio forestal.",
             fig="Las llamas han quemado {n} hectáreas.", n=(300, 800, 1250),
             name="El operativo está dirigido por {name}.", names=("Javier Ruiz", "Javier Ríos"),
             quote="\u00ab{q}\u00bb, afirmó el alcalde.", q=("El fuego está controlado", "El fuego sigue activo"),
             pos="Los vecinos podrán volver a sus casas esta noche.", neg="Los vecinos no podrán volver a sus casas esta noche.",
             filler="Varios voluntarios repartieron agua.", extra="Se espera lluvia para el miércoles.",
             distractor="La corrección de las cifras oficiales tardó varios días."),
        dict(title="Nuevo museo en el puerto", alt="El puerto estrena museo",
             lede="El nuevo museo del puerto abrirá sus puertas en mayo.",
             para="En mayo abrirá sus puertas el nuevo museo del puerto.",
             fig="La obra ha costado {n} millones de euros.", n=(30, 38, 1400),
             name="El edificio es obra del estudio {name}.", names=("Arquitectura Norte", "Arquitectura Sur"),
             quote="\u00ab{q}\u00bb, dijo la directora.", q=("Será un museo para todos", "Será un museo para turistas"),
             pos="La entrada será gratuita el primer mes.", neg="La entrada no será gratuita el primer mes.",
             filler="El acto de presentación reunió a cien invitados.", extra="Habrá visitas guiadas los domingos.",
             distractor="Nota: el horario de verano empieza en junio."),
    ],
    "it": [
        dict(title="Il consiglio approva il bilancio", alt="Bilancio approvato: cosa cambia",
             lede="Il consiglio comunale ha approvato il bilancio martedì sera.",
             para="Martedì sera il bilancio è stato approvato dal consiglio comunale.",
             fig="Il piano prevede {n} milioni di euro per la casa.", n=(12, 21, 2400),
             name="Il progetto è stato preparato dall'assessora {name} in estate.", names=("Giulia Rossi", "Giulia Russo"),
             quote="\u00ab{q}\u00bb, ha detto il sindaco.", q=("Costruiremo dove la gente ha bisogno di case", "Costruiremo dove possibile"),
             pos="L'opposizione ha sostenuto il testo finale.", neg="L'opposizione non ha sostenuto il testo finale.",
             filler="La seduta è durata quasi quattro ore.", extra="I lavori dovrebbero iniziare in primavera.",
             distractor="L'aggiornamento del sistema è previsto lunedì."),
        dict(title="Alluvione in pianura", alt="Pianura sott'acqua",
             lede="Le piogge hanno allagato diversi paesi della pianura domenica.",
             para="Domenica diversi paesi della pianura sono stati allagati dalle piogge.",
             fig="Sono state evacuate {n} famiglie.", n=(200, 350, 1180),
             name="I soccorsi sono coordinati da {name}.", names=("Marco Bianchi", "Marco Bianco"),
             quote="\u00ab{q}\u00bb, ha spiegato il prefetto.", q=("La situazione è sotto controllo", "La situazione è grave"),
             pos="Le scuole riapriranno lunedì.", neg="Le scuole non riapriranno lunedì.",
             filler="Molti volontari sono arrivati dalle città vicine.", extra="Nuove piogge sono attese per giovedì.",
             distractor="La correzione dei dati arriverà domani, secondo la regione."),
        dict(title="Scoperta una villa romana", alt="Villa romana riemerge dagli scavi",
             lede="Gli archeologi hanno scoperto una villa romana sotto un parcheggio.",
             para="Sotto un parcheggio gli archeologi hanno scoperto una villa romana.",
             fig="La villa risale a {n} anni fa.", n=(2000, 2300, 1900),
             name="Gli scavi sono guidati da {name}.", names=("Elena Conti", "Elena Conte"),
             quote="\u00ab{q}\u00bb, ha detto la soprintendente.", q=("È una scoperta eccezionale", "È una scoperta interessante"),
             pos="Il sito sarà aperto al pubblico.", neg="Il sito non sarà aperto al pubblico.",
             filler="Il parcheggio resterà chiuso fino a marzo.", extra="I reperti saranno esposti in museo.",
             distractor="Precisare la data della villa richiederà altri studi."),
    ],
}

DATES = {"en": "5 March 2026", "de": "5. März 2026", "fr": "5 mars 2026", "es": "5 de marzo de 2026", "it": "5 marzo 2026"}

# Note templates per language and kind; {date} is filled in, {old}/{new} with the changed fact.
NOTES = {
    "en": {
        "correction": ["Correction: An earlier version of this article gave the wrong figure. It is {new}, not {old}.",
                       "This article was amended on {date} to correct a figure.",
                       "An earlier version of this story misstated a detail: it said {old}.",
                       "Correction ({date}): we previously reported {old}."],
        "update": ["Update: This story has been updated with new information.",
                   "This article has been updated with a statement from the council.",
                   "UPDATE \u2013 The vote was confirmed on Wednesday."],
        "clarification": ["Clarification: This article has been changed to make the timing clearer.",
                          "This article was clarified on {date}."],
        "editor": ["Editor's note: The author has previously worked for the council.",
                   "Editors\u2019 note: Names have been withheld at the family's request.",
                   "A note to readers: this story contains distressing details."],
    },
    "de": {
        "correction": ["Korrektur: In einer früheren Version dieses Artikels hieß es {old}.",
                       "Korrekturhinweis: Wir haben eine Zahl korrigiert.",
                       "In einer früheren Fassung dieses Textes stand {old}; richtig ist {new}.",
                       "Dieser Artikel wurde am {date} korrigiert."],
        "update": ["Update: Der Text wurde um neue Informationen ergänzt.",
                   "Aktualisierung: Die Stadt hat inzwischen Stellung genommen.",
                   "Dieser Artikel wurde am {date} aktualisiert."],
        "clarification": ["Klarstellung: Gemeint ist der Haushalt für zwei Jahre."],
        "editor": ["Anmerkung der Redaktion: Der Autor war früher für die Stadt tätig.",
                   "Hinweis der Redaktion: Namen wurden geändert."],
    },
    "fr": {
        "correction": ["Rectificatif : une version précédente de cet article indiquait {old}.",
                       "Erratum : nous avions écrit {old} au lieu de {new}.",
                       "Une version précédente de cet article comportait une erreur.",
                       "Cet article a été corrigé le {date}."],
        "update": ["Mise à jour : la préfecture a réagi mardi.",
                   "Cet article a été mis à jour le {date}."],
        "clarification": ["Précision : il s'agit du budget pour deux ans."],
        "editor": ["Note de la rédaction : l'auteur a travaillé pour la mairie.",
                   "NDLR : les prénoms ont été modifiés."],
    },
    "es": {
        "correction": ["Fe de erratas: una versión anterior de este artículo decía {old}.",
                       "Corrección: el dato correcto es {new}.",
                       "Una versión anterior de esta noticia contenía un error.",
                       "Esta noticia fue corregida el {date}."],
        "update": ["Actualización: el ayuntamiento ha respondido.",
                   "Este artículo ha sido actualizado con nueva información."],
        "clarification": ["Aclaración: se trata del presupuesto para dos años."],
        "editor": ["Nota del editor: el autor trabajó para el ayuntamiento.",
                   "Nota de la redacción: los nombres han sido cambiados."],
    },
    "it": {
        "correction": ["Rettifica: in una precedente versione di questo articolo si leggeva {old}.",
                       "Correzione: il dato corretto è {new}.",
                       "Errata corrige: avevamo scritto {old}.",
                       "Questo articolo è stato corretto il {date}."],
        "update": ["Aggiornamento: il comune ha risposto.",
                   "Questo articolo è stato aggiornato il {date}."],
        "clarification": ["Precisazione: si tratta del bilancio biennale.",
                          "Chiarimento: la cifra riguarda due anni."],
        "editor": ["Nota della redazione: l'autore ha lavorato per il comune.",
                   "N.d.R.: i nomi sono stati cambiati."],
    },
}


def fmt(lang, n):
    if n >= 1000:
        s = f"{n:,}"
        return s.replace(",", ".") if lang in ("de", "es", "it") else s.replace(",", "\u202f" if lang == "fr" else ",")
    return str(n)


def body(a, lang, n=None, name=None, q=None, neg=False, lede=None, filler=True, extra=False, swap=False, stamp=None,
         tick=False):
    n = a["n"][0] if n is None else n
    paragraphs = []
    if stamp is not None:
        paragraphs.append(stamp)
    paragraphs += [lede or a["lede"], a["fig"].format(n=fmt(lang, n))]
    big = a["n"][2] + (15 if tick else 0)
    counted = {"en": "In total {b} residents took part in the consultation.",
               "de": "Insgesamt {b} Menschen beteiligten sich an der Umfrage.",
               "fr": "Au total, {b} habitants ont répondu à la consultation.",
               "es": "En total, {b} vecinos participaron en la consulta.",
               "it": "In totale {b} cittadini hanno partecipato alla consultazione."}[lang]
    rest = [a["name"].format(name=name or a["names"][0]), a["quote"].format(q=q or a["q"][0]),
            a["neg"] if neg else a["pos"], counted.format(b=fmt(lang, big))]
    if swap:
        rest[0], rest[2] = rest[2], rest[0]
    paragraphs += rest
    if filler:
        paragraphs.append(a["filler"])
    if extra:
        paragraphs.append(a["extra"])
    return paragraphs


def note(rng, lang, kind, old, new):
    return rng.choice(NOTES[lang][kind]).format(date=DATES[lang], old=old, new=new)


def pairs(rng):
    out = []
    for lang, articles in ARTICLES.items():
        for k, a in enumerate(articles):
            n0, n1 = a["n"][0], a["n"][1]
            old = dict(title=a["title"], paragraphs=body(a, lang, stamp=a.get("stamp", (None,))[0]))
            st = a.get("stamp", (None, None))

            def case(kind, stealth, notes, title=None, **kw):
                new = dict(title=title or a["title"], paragraphs=body(a, lang, stamp=kw.pop("stamp", st[0]), **kw))
                out.append(dict(id=f"{lang}{k}-{kind}", lang=lang, old=old, new=new, stealth=stealth, notes=notes))

            def noted(kind, stealth, note_kind, note_text, title=None, **kw):
                paragraphs = body(a, lang, stamp=st[0], **kw)
                at = rng.choice([len(paragraphs), 0 if st[0] is None else 1])
                paragraphs.insert(at, note_text)
                out.append(dict(id=f"{lang}{k}-{kind}", lang=lang, old=old,
                                new=dict(title=title or a["title"], paragraphs=paragraphs), stealth=stealth, notes=[note_kind]))

            # stealth: facts changed, no note
            case("figure", True, [], n=n1)
            case("name", True, [], name=a["names"][1])
            case("quote", True, [], q=a["q"][1])
            case("negation", True, [], neg=True)
            case("deleted", True, [], filler=False)
            case("figure-and-added", True, [], n=n1, extra=True)
            # noted: the same changes with a note
            noted("figure-corrected", False, "correction", note(rng, lang, "correction", fmt(lang, n0), fmt(lang, n1)), n=n1)
            noted("name-corrected", False, "correction", note(rng, lang, "correction", a["names"][0], a["names"][1]),
                  name=a["names"][1])
            noted("added-updated", False, "update", note(rng, lang, "update", "", ""), extra=True)
            noted("reworded-clarified", False, "clarification", note(rng, lang, "clarification", "", ""), lede=a["para"])
            noted("editor-note", False, "editor", note(rng, lang, "editor", "", ""))
            # neither
            case("reworded", False, [], lede=a["para"])
            case("added", False, [], extra=True)
            case("moved", False, [], swap=True)
            case("headline", False, [], title=a["alt"])
            case("tick", False, [], tick=True)
            case("punctuation", False, [], lede=a["lede"].replace(" ", "  ", 1).rstrip(".") + " .")
            out.append(dict(id=f"{lang}{k}-distractor", lang=lang, old=old,
                            new=dict(title=a["title"], paragraphs=old["paragraphs"] + [a["distractor"]]),
                            stealth=False, notes=[]))
            if st[0] is not None:
                case("timestamp", False, [], stamp=st[1])
    return out


def main():
    rng = random.Random(SEED)
    all_pairs = pairs(rng)
    split = random.Random(SEED + 1)
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "..", "core", "src", "test", "resources", "change-labelled")
    os.makedirs(target, exist_ok=True)
    parts = {"dev": [], "heldout": []}
    for p in all_pairs:
        parts["dev" if split.random() < 0.5 else "heldout"].append(p)
    for name, items in parts.items():
        with open(os.path.join(target, name + ".jsonl"), "w", encoding="utf-8") as f:
            for p in items:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
        print(f"{name}: {len(items)} pairs")


if __name__ == "__main__":
    main()
