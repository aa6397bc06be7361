#!/usr/bin/env python3
"""Writes directory.json, the demo coalition that `torchlight demo` loads.

The JSON file beside this script is the source of truth: it is what ships and what
the tests read. This script is how the first version was written and is kept so
that the records can be changed in one place with the IDs staying stable. If you
edit directory.json by hand, port the change here too (or stop using this script);
running it overwrites the JSON.

    python3 data/demo/generate.py      # from the repository root; standard library only

Everything here is fictional: organisation and people's names, e-mail addresses
(example.org), Signal numbers (+000 ...) and the Kingdom of Norland and Republic of
Westmark, whose embassies appear. The shape of the data mirrors the study's
findings, because newcomers should see the gaps the study describes:
- little local support in Tajikistan and Azerbaijan: mostly exile-based and
  international providers;
- in-person protection centred on the capitals, few services reaching remote areas;
- relocation and shelter mostly from international and regional providers;
- fines are rarely covered, and visa support hardly exists for Kazakhstan;
- Kyrgyzstan has several digital security services, local and international.
"""

import json
import uuid
from pathlib import Path

# IDs are UUIDv5 of a stable key under this namespace, so regenerating the file
# gives every record the same ID.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://torchlight.example.org/demo-coalition")

EIGHT = ["AM", "AZ", "BY", "GE", "KZ", "KG", "TJ", "UA"]

O, P, T = "online", "in_person", "requires_travel"

organizations = []
services = []
allies = []
_org_ids = {}


def uid(key):
    return str(uuid.uuid5(NAMESPACE, key))


def org(slug, name, kind, countries, languages, description, regions=(), website=True, translations=None):
    """Adds an organisation; `slug` keys its ID and builds its fictional contact."""
    number = 100 + len(organizations)
    record = {
        "id": uid("organization:" + slug),
        "name": name,
        "kind": kind,
        "countries": list(countries),
        "regions": list(regions),
        "languages": list(languages),
        "description": description,
        "public_contact": f"Signal +000 {number} {4000 + 7 * number}; {slug}@example.org",
    }
    if website:
        record["website"] = f"https://{slug}.example.org"
    if translations:
        record["translations"] = translations
    organizations.append(record)
    _org_ids[slug] = record["id"]
    return slug


def cov(countries=(), regions=(), remote=False, exile=(), world=False):
    return {
        "worldwide": world,
        "countries": list(countries),
        "regions": list(regions),
        "remote_areas": remote,
        "exile_from": list(exile),
    }


def svc(org_slug, slug, name, support, description, eligibility, coverage, languages, formats,
        hours, groups=(), family=False, open=True, translations=None):
    record = {
        "id": uid(f"service:{org_slug}:{slug}"),
        "organization_id": _org_ids[org_slug],
        "name": name,
        "description": description,
        "support": support,
        "coverage": coverage,
        "groups": list(groups),
        "languages": list(languages),
        "formats": list(formats),
        "family_eligible": family,
        "eligibility": eligibility,
        "response_hours": hours,
        "open": open,
    }
    if translations:
        record["translations"] = translations
    services.append(record)


def ally(slug, name, profession, country, regions, languages, org_slug, notes):
    number = len(allies) + 1
    allies.append({
        "id": uid("ally:" + slug),
        "name": name,
        "profession": profession,
        "country": country,
        "regions": list(regions),
        "languages": list(languages),
        "contact": f"Signal +000 9{number:02d} {5100 + 13 * number}; {slug}@example.org",
        "organization_id": _org_ids[org_slug],
        "notes": notes,
    })


# --------------------------------------------------------------------------- Armenia

org("ararat-clinic", "Ararat Defenders' Legal Clinic", "local_cso", ["AM"], ["hy", "ru", "en"],
    "A group of Yerevan lawyers who defend activists, journalists and community leaders "
    "in police stations and courts, and explain people's rights in plain language.",
    regions=["AM-ER"],
    translations={"ru": {"name": "Юридическая клиника защитников «Арарат»",
                         "description": "Группа ереванских юристов, которые защищают активистов, "
                                        "журналистов и общественных лидеров в полиции и в суде."}})
svc("ararat-clinic", "detention-hotline", "Lawyer on call after an arrest", "legal",
    "A duty lawyer goes to the police station when an activist is detained in Yerevan, day or night.",
    "You were detained, searched or called in by the police because of your civic work. "
    "You, a relative or a friend can call; we do not need any papers first.",
    cov(["AM"], ["AM-ER"]), ["hy", "ru"], [P], 3,
    translations={"ru": {"name": "Дежурный адвокат после задержания",
                         "description": "Дежурный адвокат выезжает в отделение полиции, когда в Ереване "
                                        "задерживают активиста, в любое время суток.",
                         "eligibility": "Вас задержали, обыскали или вызвали в полицию из-за вашей "
                                        "общественной работы. Позвонить можете вы, родственник или друг; "
                                        "документы заранее не нужны."}})
svc("ararat-clinic", "admin-cases", "Advice on administrative cases and fines", "legal",
    "Written advice and, where needed, representation in administrative proceedings.",
    "Any activist or journalist in Armenia facing an administrative case. "
    "Send us a photo of the protocol or the summons you received.",
    cov(["AM"]), ["hy", "ru"], [O, P], 48)
svc("ararat-clinic", "court-monitoring", "Observers in Yerevan courts", "trial_observation",
    "Trained volunteers sit in on hearings against defenders and publish short, factual reports.",
    "Tell us the court, the date and the case number at least a week ahead when you can. "
    "We observe hearings in Yerevan only.",
    cov(["AM"], ["AM-ER"]), ["hy", "ru", "en"], [P], 168)
svc("ararat-clinic", "know-your-rights", "Know-your-rights evenings", "information",
    "Short online sessions on what to do at a protest, during a search and when called in for questioning.",
    "Open to anyone; no registration beyond a first name. Recordings are not kept.",
    cov(["AM"]), ["hy", "ru"], [O], 72)

org("lori-shield", "Lori Civic Shield", "local_cso", ["AM"], ["hy", "ru"],
    "A network of community activists in the north of Armenia who support defenders in "
    "towns and villages far from Yerevan.",
    regions=["AM-LO", "AM-SH", "AM-TV"])
svc("lori-shield", "travelling-lawyer", "Travelling lawyer for the northern regions", "legal",
    "A lawyer who drives to towns and villages in Lori, Shirak and Tavush when a local activist is under pressure.",
    "For activists in Lori, Shirak and Tavush, including villages. "
    "We come to you; there is no need to travel to Yerevan.",
    cov(["AM"], ["AM-LO", "AM-SH", "AM-TV"], remote=True), ["hy", "ru"], [P, O], 24,
    groups=["regional_activists"])
svc("lori-shield", "local-solidarity", "Visits and local campaigns", "solidarity",
    "Neighbours and fellow activists visit, speak up in the local press and stand by you at hearings.",
    "Ask us yourself or let someone you trust ask for you. We check with you before anything is made public.",
    cov(["AM"], ["AM-LO", "AM-SH", "AM-TV"], remote=True), ["hy"], [P], 72)
svc("lori-shield", "peer-group", "Peer support group in Vanadzor", "psychological",
    "A fortnightly group led by a psychologist for activists who are tired, scared or alone with their work.",
    "Activists from Lori and nearby regions. Come once to see whether it suits you.",
    cov(["AM"], ["AM-LO"]), ["hy", "ru"], [P], 120)

org("sevan-coalition", "Sevan Protection Coalition", "focal_point", ["AM"], ["hy", "ru", "en"],
    "Armenia's protection focal point: member organisations verify cases, decide on small "
    "emergency support and link defenders with international programmes.",
    regions=["AM-ER"])
svc("sevan-coalition", "micro-grants", "Emergency micro-grants", "financial",
    "A small grant within days for urgent costs: rent in a safe place, medicine, transport, a lawyer's fee.",
    "You are a defender in Armenia under threat because of your work, and one of our member "
    "organisations can confirm it. Your family can be covered too.",
    cov(["AM"]), ["hy", "ru"], [O, P], 96, family=True)
svc("sevan-coalition", "referral", "Referral to international programmes", "information",
    "We check your case once and pass it, with your consent, to the international programme that fits it best.",
    "Any defender in Armenia. Tell us what happened and what you need; you do not have to know which programme to ask.",
    cov(["AM"]), ["hy", "ru", "en"], [O], 48)
svc("sevan-coalition", "security-workshops", "Security planning workshops", "capacity_building",
    "One-day workshops for small groups on risk assessment, safe communication and what to do in a crisis.",
    "Groups of four to twelve people from one organisation or town. Our trainers travel to the regions.",
    cov(["AM"], remote=True), ["hy", "ru"], [P], 336)
svc("sevan-coalition", "safe-stay", "A few nights away from home", "relocation_in_country",
    "A short stay in another town while the immediate danger passes, with travel paid.",
    "You or your family face an immediate threat at home. We decide quickly and ask for details later.",
    cov(["AM"]), ["hy", "ru"], [P], 24, family=True)
svc("sevan-coalition", "burnout-retreat", "Weekend retreats against burnout", "anti_burnout",
    "Three-day retreats at Lake Sevan with a psychologist, for people who have worked without a break for too long.",
    "Defenders who have been active for at least two years. Places are limited to ten per retreat.",
    cov(["AM"]), ["hy", "ru"], [T], 720)

org("am-ombuds-desk", "Ombudsperson's Civic Defenders Desk (Yerevan)", "ombudsperson", ["AM"], ["hy", "ru"],
    "A desk inside the national human rights institution that takes complaints from "
    "civic activists about police and officials. Fictional demo record.",
    regions=["AM-ER"], website=False)
svc("am-ombuds-desk", "complaints", "Complaints about police and officials", "information",
    "The desk registers your complaint, can open an inquiry and explains what happens next.",
    "Anyone in Armenia, not only registered activists. The desk cannot give you a lawyer, "
    "but it can ask the authorities for answers.",
    cov(["AM"]), ["hy", "ru"], [O, P], 120)
svc("am-ombuds-desk", "hearings", "Staff present at hearings", "trial_observation",
    "A member of staff attends hearings in cases against defenders in Yerevan.",
    "Write to the desk with the case number. Requests made less than five days ahead may not be met.",
    cov(["AM"], ["AM-ER"]), ["hy"], [P], 240)

org("hrazdan-mind", "Hrazdan Mind Care Collective", "psychological_provider", ["AM"], ["hy", "ru"],
    "Psychologists in Yerevan who work with defenders, journalists and their families, in person and online.",
    regions=["AM-ER"])
svc("hrazdan-mind", "individual", "Individual sessions with a psychologist", "psychological",
    "Up to ten free sessions, online or in our Yerevan office.",
    "Defenders and their close family. You do not need a diagnosis or a referral.",
    cov(["AM"]), ["hy", "ru"], [O, P], 72, family=True)
svc("hrazdan-mind", "self-care", "Self-care group for people who help others", "anti_burnout",
    "An eight-week online group on sleep, stress and setting limits.",
    "People who support others in their work: lawyers, caseworkers, hotline volunteers.",
    cov(["AM"]), ["hy", "ru"], [O], 336)
svc("hrazdan-mind", "women-group", "Group for women defenders", "psychological",
    "A closed group for women who face threats, online harassment or pressure from their families because of their work.",
    "Women defenders anywhere in Armenia. Join online if you cannot come to Yerevan.",
    cov(["AM"]), ["hy"], [O, P], 168, groups=["women_hrds", "womens_rights"])

# ------------------------------------------------------------------------ Azerbaijan
# Very little works openly inside the country: one low-profile group, the rest is
# exile-based or international.

org("absheron-watch", "Absheron Rights Watch", "local_cso", ["AZ"], ["az", "ru"],
    "A small, low-profile group in Baku that stays in touch with families of political prisoners.",
    regions=["AZ-BA"], website=False)
svc("absheron-watch", "parcels", "Parcels and hearing visits", "prisoner_support",
    "We bring parcels to pre-trial centres and colonies and help relatives get to hearings.",
    "Families of people imprisoned for their views or their work. "
    "We only need the prisoner's name and where they are held; nothing is written down.",
    cov(["AZ"], ["AZ-BA"]), ["az", "ru"], [P], 72, groups=["political_prisoners", "parents_of_political_prisoners"],
    family=True)
svc("absheron-watch", "lawyer-referral", "Referral to trusted defence lawyers", "legal",
    "Putting detained activists' families in touch with lawyers who still take such cases. "
    "Temporarily closed to new requests after the group's meeting place was searched.",
    "Families of activists detained in Baku. Families already in touch with us keep being helped.",
    cov(["AZ"], ["AZ-BA"]), ["az", "ru"], [P], 24, family=True, open=False)

org("kura-legal", "Kura Legal Aid Network", "diaspora", ["GE"], ["az", "ru", "ka", "en"],
    "Azerbaijani lawyers and activists living in Tbilisi who help defenders who had to leave Azerbaijan.",
    regions=["GE-TB"],
    translations={"ru": {"name": "Сеть правовой помощи «Кура»",
                         "description": "Азербайджанские юристы и активисты в Тбилиси, которые помогают "
                                        "правозащитникам, вынужденным покинуть Азербайджан."}})
svc("kura-legal", "residence", "Residence and legal status in Georgia", "legal",
    "Advice on residence permits, asylum and documents for Azerbaijani defenders and their families in Georgia.",
    "You are from Azerbaijan, had to leave because of your work and now live in Georgia or plan to come. "
    "Your spouse and children can be helped as well.",
    cov(["GE"], ["GE-TB"], exile=["AZ"]), ["az", "ru", "ka"], [O, P], 48, family=True, groups=["exiles"])
svc("kura-legal", "emergency-beds", "Emergency beds in Tbilisi", "temporary_shelter",
    "A few beds in private flats for the first nights after arrival.",
    "You have just arrived from Azerbaijan with nowhere safe to sleep. Call first; do not come to any address unannounced.",
    cov(["GE"], ["GE-TB"], exile=["AZ"]), ["az", "ru"], [P], 12, family=True)
svc("kura-legal", "orientation", "Georgian lessons and orientation", "adaptation",
    "Beginner Georgian classes and help with banks, schools and doctors during the first months.",
    "Azerbaijani defenders who have settled in Tbilisi in the last two years.",
    cov(["GE"], ["GE-TB"], exile=["AZ"]), ["az", "ru", "ka"], [P], 168, family=True)
svc("kura-legal", "extradition", "Defence against extradition and deportation", "legal",
    "Urgent legal help when Azerbaijan asks for your return, including applications to international bodies.",
    "Azerbaijani defenders in Georgia or Turkey who are detained, or fear being sent back, because of an "
    "extradition request or an Interpol notice.",
    cov(["GE", "TR"], exile=["AZ"]), ["az", "ru", "en", "tr"], [O, P], 6, groups=["exiles"])
svc("kura-legal", "counselling", "Counselling in Azerbaijani", "psychological",
    "Online sessions with an Azerbaijani-speaking psychologist.",
    "Defenders from Azerbaijan living abroad, and relatives who stayed behind.",
    cov(exile=["AZ"]), ["az", "ru"], [O], 72, family=True)

org("caspian-families", "Caspian Prisoners' Families Fund", "diaspora", ["AZ", "DE"], ["az", "ru", "de", "en"],
    "An Azerbaijani diaspora fund, run from Berlin, that supports families of political prisoners at home.",
    regions=[])
svc("caspian-families", "parents", "Support for parents of political prisoners", "prisoner_support",
    "Money for travel to the colony, lawyers' visits and parcels; someone to call when things go wrong.",
    "Parents and spouses of people imprisoned in Azerbaijan for their activism or journalism.",
    cov(["AZ"]), ["az", "ru"], [O], 120, groups=["political_prisoners", "parents_of_political_prisoners"], family=True)
svc("caspian-families", "after-prison", "A fresh start after prison", "rehabilitation",
    "Medical check-ups, dental care and a few months' living costs after release, in Azerbaijan or abroad.",
    "Released political prisoners from Azerbaijan, whether they stayed or left.",
    cov(["AZ"], exile=["AZ"]), ["az", "ru"], [O, P], 336, groups=["political_prisoners"])
svc("caspian-families", "living-costs", "Living costs for prisoners' families", "financial",
    "Monthly support for households that lost their income when a family member was imprisoned.",
    "Households in Azerbaijan where the main earner is a political prisoner. We review support every six months.",
    cov(["AZ"]), ["az", "ru"], [O], 168, family=True)

# --------------------------------------------------------------------------- Belarus

org("nioman-legal", "Nioman Legal Defence Group", "local_cso", ["BY"], ["be", "ru"],
    "Lawyers and former lawyers who advise people persecuted in Belarus, mostly online and discreetly.",
    regions=[])
svc("nioman-legal", "search-advice", "Advice before and after a search", "legal",
    "What to say and not to say, what the police may take, and what to do next.",
    "Anyone in Belarus targeted for protest, donations or online comments. "
    "Write on Signal, not by phone; we never ask for documents by e-mail.",
    cov(["BY"]), ["be", "ru"], [O], 12,
    translations={"be": {"name": "Кансультацыя да і пасля ператрусу",
                         "eligibility": "Кожны ў Беларусі, каго пераследуюць за пратэст, данаты ці "
                                        "каментары ў сеціве. Пішыце ў Signal, не тэлефануйце."},
                  "ru": {"name": "Консультация до и после обыска",
                         "eligibility": "Любой человек в Беларуси, которого преследуют за протест, "
                                        "донаты или комментарии в интернете. Пишите в Signal, не звоните."}})
svc("nioman-legal", "lawyers", "Lawyers for administrative and criminal cases", "legal",
    "Finding and paying a defence lawyer who is still licensed and willing to take a political case.",
    "People charged in Belarus for political reasons, and their families. Minsk first; other regions when we can.",
    cov(["BY"], ["BY-HM", "BY-MI"]), ["be", "ru"], [P, O], 24, family=True)
svc("nioman-legal", "guides", "Guides for searches and interrogations", "information",
    "Short, regularly updated guides on rights during searches, questioning and 'preventive talks'.",
    "Free to read for anyone. Ask a question and we answer within a day.",
    cov(["BY"]), ["be", "ru"], [O], 24)

org("palessie-aid", "Palessie Prisoners' Aid", "local_cso", ["BY"], ["be", "ru"],
    "Volunteers who send letters and parcels to political prisoners and look after their families.",
    regions=[])
svc("palessie-aid", "parcels", "Letters and parcels to prisoners", "prisoner_support",
    "We organise parcels and letters so that prisoners are not forgotten and families are not alone with the costs.",
    "Political prisoners in Belarus and their relatives. A relative or a friend can make the request.",
    cov(["BY"]), ["be", "ru"], [O, P], 72, groups=["political_prisoners", "football_fans"], family=True)
svc("palessie-aid", "children", "Help for children of prisoners", "family_support",
    "School supplies, summer camps and a psychologist for children whose parent is in prison.",
    "Children of political prisoners and the adults caring for them.",
    cov(["BY"]), ["be", "ru"], [O, P], 120, family=True)
svc("palessie-aid", "after-release", "After release", "rehabilitation",
    "Help with documents, work and health in the first months after prison, in Belarus or after leaving.",
    "Released political prisoners and their families, in Belarus, Lithuania or Poland.",
    cov(["BY", "LT", "PL"], exile=["BY"]), ["be", "ru"], [O, P], 168, family=True,
    groups=["political_prisoners"])

org("narach-coalition", "Narach Protection Coalition", "focal_point", ["BY", "LT", "PL"], ["be", "ru", "en"],
    "Belarus's protection focal point, working from exile: member organisations verify cases "
    "inside the country and pass them to international programmes.")
svc("narach-coalition", "grants", "Emergency grants", "financial",
    "Urgent money for lawyers, fines already paid, medicine or leaving the country.",
    "Defenders in Belarus or recently forced to leave it. A member organisation confirms your case; "
    "you never need to show proof of activism on paper.",
    cov(["BY"], exile=["BY"]), ["be", "ru"], [O], 120, family=True)
svc("narach-coalition", "referral", "Verification and referral", "information",
    "One conversation instead of ten forms: we verify your case and refer it to the programme that fits.",
    "Any defender in Belarus or in exile from it.",
    cov(["BY"], exile=["BY"]), ["be", "ru", "en"], [O], 48)
svc("narach-coalition", "evacuation", "Leaving the country safely", "relocation_international",
    "Planning a safe route out, with trusted contacts at each step, for you and your family.",
    "You face arrest in Belarus and need to leave soon. We talk about routes only on a secure channel.",
    cov(["BY"]), ["be", "ru"], [T, O], 48, family=True)
svc("narach-coalition", "device-check", "Device check after release", "digital_security",
    "Checking phones and laptops returned by the police, and cleaning up compromised accounts.",
    "Anyone whose devices were seized, even for a few hours.",
    cov(["BY"], exile=["BY"]), ["be", "ru"], [O], 48)

org("neris-hrh", "Neris Human Rights House", "regional_network", ["LT", "PL"], ["be", "ru", "lt", "en"],
    "A Human Rights House in Vilnius where Belarusian organisations in exile share offices, "
    "rooms for newcomers and services.",
    translations={"ru": {"name": "Дом прав человека «Нярис»",
                         "description": "Дом прав человека в Вильнюсе, где белорусские организации в "
                                        "изгнании делят офисы, комнаты для новоприбывших и услуги."},
                  "be": {"name": "Дом правоў чалавека «Нярыс»"}})
svc("neris-hrh", "rooms", "Rooms for newcomers in Vilnius", "temporary_shelter",
    "Rooms in the House for up to two months while you find your feet.",
    "Belarusian defenders who have just left the country. Families with children are welcome.",
    cov(["LT"], exile=["BY"]), ["be", "ru", "lt"], [P], 24, family=True)
svc("neris-hrh", "adaptation", "Lithuanian, legal orientation and internships", "adaptation",
    "Language classes, a session on residence and work rules, and paid internships with partner organisations.",
    "Belarusian defenders living in Lithuania or Poland for less than three years.",
    cov(["LT", "PL"], exile=["BY"]), ["be", "ru", "lt"], [P, O], 168, family=True)
svc("neris-hrh", "visa-letters", "Letters for humanitarian visas", "visa",
    "Supporting letters and guidance for humanitarian and national visas, for you and your close family.",
    "Belarusian defenders at risk who need to reach Lithuania or Poland, and their spouses and children.",
    cov(["BY"], exile=["BY"]), ["be", "ru", "en"], [O], 336, family=True)
svc("neris-hrh", "exile-forum", "Exile civil society meetings", "networking",
    "Monthly meetings where Belarusian initiatives in exile meet each other and Lithuanian partners.",
    "Belarusian activists and organisations in exile, whether new or established.",
    cov(["LT", "PL"], exile=["BY"]), ["be", "ru"], [P], 336)
svc("neris-hrh", "respite", "Two weeks of rest in Vilnius", "rest_respite",
    "A quiet room, meals and no obligations, for defenders who are still working inside Belarus.",
    "Activists in Belarus who can travel. Ask early: we take a few people each month.",
    cov(["BY"]), ["be", "ru"], [T], 336)
svc("neris-hrh", "counselling", "Psychologists in the House", "psychological",
    "Individual sessions in the House or online, in Belarusian or Russian.",
    "Belarusian defenders in exile and their family members.",
    cov(["LT", "PL"], exile=["BY"]), ["be", "ru"], [P, O], 72, family=True)
svc("neris-hrh", "security-school", "Security school for exile groups", "capacity_building",
    "A six-session course on digital and physical security for organisations working from exile into Belarus.",
    "Teams of Belarusian organisations in exile. Two people per organisation.",
    cov(exile=["BY"]), ["be", "ru"], [P, O], 336)

org("podlasie-centre", "Podlasie Belarusian Exile Centre", "diaspora", ["PL"], ["be", "ru", "pl"],
    "A diaspora centre in north-eastern Poland that helps Belarusians who fled after 2020 settle down.")
svc("podlasie-centre", "adaptation", "Polish lessons and work permits", "adaptation",
    "Polish classes at three levels and help with work permits and first jobs.",
    "Belarusians in Poland who left because of persecution, with their families.",
    cov(["PL"], exile=["BY"]), ["be", "ru", "pl"], [P], 168, family=True)
svc("podlasie-centre", "asylum", "Residence and asylum advice in Poland", "legal",
    "A lawyer explains your options and helps with applications and appeals.",
    "Belarusian defenders in Poland, or about to arrive. We answer in Belarusian, Russian or Polish.",
    cov(["PL"], exile=["BY"]), ["be", "ru", "pl"], [O, P], 72, family=True)
svc("podlasie-centre", "first-month", "Money for the first month", "financial",
    "A one-off payment towards rent and food while other support is arranged.",
    "You arrived in Poland in the last three months with little or no savings.",
    cov(["PL"], exile=["BY"]), ["be", "ru"], [P], 168, family=True)
svc("podlasie-centre", "schools", "School places for children", "family_support",
    "Help enrolling children in school, finding a tutor and, if needed, a child psychologist.",
    "Children of Belarusian defenders who have settled in Poland.",
    cov(["PL"], exile=["BY"]), ["be", "ru", "pl"], [P], 168, family=True)

# --------------------------------------------------------------------------- Georgia

org("mtkvari-hrh", "Mtkvari Human Rights House", "regional_network", ["GE", "AM", "AZ"],
    ["ka", "hy", "az", "ru", "en"],
    "A Human Rights House in Tbilisi serving the South Caucasus: shared premises, safe rooms and "
    "joint work by Armenian, Azerbaijani and Georgian organisations.",
    regions=["GE-TB"],
    translations={"ru": {"name": "Дом прав человека «Мтквари»",
                         "description": "Дом прав человека в Тбилиси для всего Южного Кавказа: общие "
                                        "помещения, безопасные комнаты и совместная работа армянских, "
                                        "азербайджанских и грузинских организаций."},
                  "ka": {"name": "ადამიანის უფლებათა სახლი „მტკვარი“"}})
svc("mtkvari-hrh", "forum", "South Caucasus defenders' forum", "networking",
    "A yearly forum in Tbilisi and smaller thematic meetings, where defenders from the three countries meet.",
    "Defenders and organisations from Armenia, Azerbaijan and Georgia. Travel costs are covered for people who ask.",
    cov(["AM", "AZ", "GE"]), ["ka", "hy", "az", "ru", "en"], [T], 720)
svc("mtkvari-hrh", "safe-rooms", "Safe rooms in Tbilisi", "temporary_shelter",
    "Two furnished rooms for defenders who need to leave home at short notice.",
    "Defenders in immediate danger in Georgia, or arriving from Azerbaijan or Armenia. Up to a month, "
    "with a partner and children if needed.",
    cov(["GE", "AM"], ["GE-TB"], exile=["AZ"]), ["ka", "az", "hy", "ru"], [P], 12, family=True)
svc("mtkvari-hrh", "respite", "Respite in the mountains", "rest_respite",
    "Two weeks in a guesthouse outside Tbilisi, with an optional session with a psychologist.",
    "Defenders from the South Caucasus who have been working under pressure for a long time.",
    cov(["AM", "AZ", "GE"]), ["ka", "hy", "az", "ru"], [T], 336, family=True)
svc("mtkvari-hrh", "trainings", "Digital and physical security trainings", "capacity_building",
    "Regular trainings for teams, in the House or online.",
    "Organisations and informal groups from the three countries. We adapt the content to your risks.",
    cov(["AM", "AZ", "GE"]), ["ka", "hy", "az", "ru", "en"], [P, O], 336)
svc("mtkvari-hrh", "relocation", "Temporary relocation to Tbilisi", "relocation_international",
    "Up to six months in Tbilisi: travel, rent and a desk in the House.",
    "Defenders from Armenia or Azerbaijan who cannot continue safely at home for now.",
    cov(["AM", "AZ"]), ["hy", "az", "ru", "en"], [T], 72, family=True)
svc("mtkvari-hrh", "campaigns", "Joint statements and campaigns", "solidarity",
    "Statements signed by member organisations across the region, and campaigns for defenders in trouble.",
    "Ask on behalf of yourself or a colleague. We only go public with the consent of the person at risk.",
    cov(["AM", "AZ", "GE"]), ["ka", "hy", "az", "ru", "en"], [O], 48)
svc("mtkvari-hrh", "equipment", "Replacing seized laptops and phones", "equipment",
    "New devices, set up securely, when yours were seized, broken or stolen.",
    "Defenders in the South Caucasus whose work equipment was seized or destroyed in the last six months.",
    cov(["AM", "AZ", "GE"]), ["ka", "hy", "az", "ru"], [P, O], 168)
svc("mtkvari-hrh", "awards", "Nominations for human rights awards", "award_nomination",
    "We prepare and send nominations for defenders whose recognition could help protect them.",
    "Suggest a defender from the region, or yourself. We always ask the person first.",
    cov(["AM", "AZ", "GE"]), ["ka", "ru", "en"], [O], 1440)

org("kolkheti-rights", "Kolkheti Rights Centre", "local_cso", ["GE"], ["ka", "ru"],
    "A rights centre in Kutaisi that works in western Georgia, including mountain villages.",
    regions=["GE-IM", "GE-GU", "GE-SZ"])
svc("kolkheti-rights", "regional-lawyers", "Lawyers for western Georgia", "legal",
    "Lawyers in Kutaisi, Ozurgeti and Zugdidi who take cases of local activists.",
    "Activists and journalists in Imereti, Guria and Samegrelo. We travel to villages when a case needs it.",
    cov(["GE"], ["GE-IM", "GE-GU", "GE-SZ"], remote=True), ["ka", "ru"], [P, O], 24,
    groups=["regional_activists"])
svc("kolkheti-rights", "village-consultations", "Rights consultations in villages", "information",
    "Monthly visits to villages to explain rights on land, environment and protest.",
    "Anyone in the villages we visit; ask us to come to yours.",
    cov(["GE"], ["GE-IM", "GE-GU", "GE-SZ"], remote=True), ["ka"], [P], 168, groups=["grassroots", "environmental"])
svc("kolkheti-rights", "solidarity", "Standing with local activists", "solidarity",
    "We attend hearings, speak to local media and bring people together when someone is targeted.",
    "Activists in western Georgia who want visible support. Quiet support is also possible.",
    cov(["GE"], ["GE-IM", "GE-GU", "GE-SZ"]), ["ka"], [P], 72)

org("rainbow-courtyard", "Rainbow Courtyard Tbilisi", "local_cso", ["GE"], ["ka", "ru", "en"],
    "A community centre for LGBTQI people and activists in Tbilisi.",
    regions=["GE-TB"])
svc("rainbow-courtyard", "counselling", "Counselling for LGBTQI activists", "psychological",
    "Sessions with an LGBTQI-friendly psychologist, online or at the centre.",
    "LGBTQI activists and people who work with the community, anywhere in Georgia.",
    cov(["GE"]), ["ka", "ru", "en"], [O, P], 48, groups=["lgbtqi"])
svc("rainbow-courtyard", "shelter", "Crisis shelter", "temporary_shelter",
    "A small shelter for people who are attacked or thrown out of their home.",
    "LGBTQI people and activists in danger in Tbilisi. Call the hotline; the address is given on the phone.",
    cov(["GE"], ["GE-TB"]), ["ka", "ru"], [P], 4, groups=["lgbtqi"])
svc("rainbow-courtyard", "event-security", "Security for events and offices", "physical_security",
    "Risk assessment, stewards and basic equipment for events, and advice on securing offices.",
    "LGBTQI groups planning a public event or worried about their office in Tbilisi.",
    cov(["GE"], ["GE-TB"]), ["ka", "en"], [P], 120, groups=["lgbtqi"])
svc("rainbow-courtyard", "hate-crimes", "Lawyers for hate-crime cases", "legal",
    "Representation when an attack is investigated, or not investigated, as a hate crime.",
    "Victims of homophobic or transphobic attacks anywhere in Georgia.",
    cov(["GE"]), ["ka", "ru"], [P, O], 48, groups=["lgbtqi"])

org("samgori-coalition", "Samgori Protection Coalition", "focal_point", ["GE"], ["ka", "ru", "en"],
    "Georgia's protection focal point, a coalition of CSOs that verifies cases and coordinates help.",
    regions=["GE-TB"])
svc("samgori-coalition", "grants", "Emergency support", "financial",
    "Quick money for urgent needs after a threat, an attack or a dismissal.",
    "Defenders in Georgia, whether or not they belong to an organisation. Family members can be supported.",
    cov(["GE"]), ["ka", "ru"], [O], 96, family=True)
svc("samgori-coalition", "referral", "Case verification and referral", "information",
    "We confirm your case for international providers so that you do not have to prove it again and again.",
    "Any defender in Georgia, and defenders from abroad who live here.",
    cov(["GE"]), ["ka", "ru", "en"], [O], 48)
svc("samgori-coalition", "safe-stay", "Safe stay outside your town", "relocation_in_country",
    "A few weeks in another region, with travel and rent paid.",
    "You or your family are threatened where you live. We decide in two days at most.",
    cov(["GE"]), ["ka", "ru"], [P], 48, family=True)
svc("samgori-coalition", "home-security", "Home security check", "physical_security",
    "A visit by a security adviser and money for locks, a camera or a door.",
    "Defenders in Tbilisi whose home has been watched, entered or attacked.",
    cov(["GE"], ["GE-TB"]), ["ka", "ru"], [P], 168)
svc("samgori-coalition", "doctors", "Trusted doctors after an attack", "medical_emergency",
    "A doctor who documents injuries properly and treats you without asking unnecessary questions.",
    "Defenders hurt at a protest or in an attack in Tbilisi. Call the hotline first.",
    cov(["GE"], ["GE-TB"]), ["ka", "ru"], [P], 2)
svc("samgori-coalition", "digital", "Digital security help", "digital_security",
    "Help when an account is hacked, a phone is lost or you suspect surveillance.",
    "Defenders and journalists in Georgia.",
    cov(["GE"]), ["ka", "ru", "en"], [O], 24)

org("ge-ombuds-liaison", "Ombudsperson's Liaison Unit for Civic Activists (Georgia)", "ombudsperson",
    ["GE"], ["ka", "ru", "en"],
    "A unit of the national human rights institution that follows attacks on defenders and journalists. "
    "Fictional demo record.",
    website=False)
svc("ge-ombuds-liaison", "complaints", "Complaints and inquiries", "information",
    "The unit registers complaints, asks the authorities for explanations and tells you what it found.",
    "Anyone in Georgia. The regional offices take complaints too, so you need not travel to Tbilisi.",
    cov(["GE"], remote=True), ["ka", "ru"], [O, P], 120)
svc("ge-ombuds-liaison", "monitoring", "Monitoring of trials and protests", "trial_observation",
    "Staff monitor trials of defenders and the policing of protests.",
    "Ask the unit with the date and place. It decides which hearings to attend.",
    cov(["GE"]), ["ka"], [P], 240)
svc("ge-ombuds-liaison", "statements", "Public statements on attacks", "solidarity",
    "A public statement condemning an attack and asking for an investigation.",
    "Defenders and journalists attacked in Georgia, with their consent.",
    cov(["GE"]), ["ka", "en"], [O], 168)

org("sololaki-library", "Sololaki Public Reading Hall", "public_library", ["GE"], ["ka", "ru", "en"],
    "A public library in Tbilisi's old town that opens its doors to people fleeing violence and lends rooms to civic groups.",
    regions=["GE-TB"])
svc("sololaki-library", "open-doors", "Open doors during dispersals", "temporary_shelter",
    "During protests the library stays open late so that people can get away from violence and rest.",
    "Anyone who needs a safe place during a protest nearby. Just come in.",
    cov(["GE"], ["GE-TB"]), ["ka", "ru"], [P], 1)
svc("sololaki-library", "meeting-room", "Free meeting room", "networking",
    "A room for up to twenty people for meetings of civic groups, free of charge.",
    "Civic groups and initiatives in Tbilisi. Book a week ahead.",
    cov(["GE"], ["GE-TB"]), ["ka", "en"], [P], 168)

org("norland-embassy-tbilisi", "Embassy of Norland in Tbilisi (Human Rights Desk)", "embassy",
    ["GE", "AM", "AZ"], ["en", "ka", "ru"],
    "The human rights desk of a fictional state's embassy, accredited in the three South Caucasus countries.",
    regions=["GE-TB"], website=False)
svc("norland-embassy-tbilisi", "visas", "Emergency visas for defenders and families", "visa",
    "Visas issued quickly on humanitarian grounds, for a defender and their close family.",
    "Defenders at acute risk in Georgia, Armenia or Azerbaijan, referred by a trusted organisation. "
    "Apply through the organisation, not directly.",
    cov(["GE", "AM", "AZ"]), ["en", "ru"], [P], 336, family=True)
svc("norland-embassy-tbilisi", "trial-presence", "Diplomats at hearings", "trial_observation",
    "Diplomats attend hearings of defenders to show that the case is followed.",
    "Defendants or their lawyers ask, usually through a CSO, at least a week before.",
    cov(["GE", "AM", "AZ"]), ["en"], [P], 168)
svc("norland-embassy-tbilisi", "advocacy", "Raising cases with the authorities", "international_advocacy",
    "The embassy raises individual cases in meetings with officials, and with other embassies.",
    "Defenders in the South Caucasus, with their written consent.",
    cov(["GE", "AM", "AZ"]), ["en", "ru"], [O], 336)

org("black-sea-space", "Black Sea Breathing Space", "social_enterprise", ["GE"], ["ka", "ru", "en"],
    "A small guesthouse in Adjara run as a social enterprise, hosting defenders for rest.",
    regions=["GE-AJ"])
svc("black-sea-space", "rest", "A week or two by the sea", "rest_respite",
    "Room, meals and quiet in a guesthouse near Batumi; the stay is paid by the coalition's partners.",
    "Defenders from the South Caucasus and Azerbaijani defenders in exile. Children can come along.",
    cov(["GE", "AM", "AZ"], exile=["AZ"]), ["ka", "ru", "en"], [T], 336, family=True)
svc("black-sea-space", "retreat", "Self-care retreats", "anti_burnout",
    "Five-day retreats with a facilitator on stress, sleep and boundaries. "
    "No retreats over the winter; requests are taken again in spring.",
    "Defenders who feel exhausted by their work. Groups of eight.",
    cov(["GE", "AM", "AZ"]), ["ka", "ru"], [T], 720, open=False)

org("freedom-stage", "Stage for Freedom Theatre Collective", "cultural_organisation", ["GE"], ["ka", "en"],
    "A Tbilisi theatre collective that lends its stage and voice to defenders.",
    regions=["GE-TB"])
svc("freedom-stage", "benefits", "Benefit performances and public readings", "solidarity",
    "Performances and readings that draw attention to a defender's case and raise money for it.",
    "Defenders and groups who want public attention on their case. We talk it through with you first.",
    cov(["GE"], ["GE-TB"]), ["ka", "en"], [P], 336, groups=["cultural_sector"])
svc("freedom-stage", "evenings", "Artists and defenders evenings", "networking",
    "Informal evenings where artists and activists meet and plan joint work.",
    "Anyone working on human rights or culture in Tbilisi.",
    cov(["GE"], ["GE-TB"]), ["ka", "en"], [P], 336)

org("kestrel-pro-bono", "Kestrel & Partners Pro Bono Desk", "law_firm", ["GE", "UA"], ["ka", "uk", "ru", "en"],
    "A fictional law firm's pro bono desk taking strategic cases of defenders in Georgia and Ukraine.",
    regions=["GE-TB", "UA-30"])
svc("kestrel-pro-bono", "litigation", "Strategic litigation", "legal",
    "Long-term representation in cases that could change how defenders are treated.",
    "Defenders in Georgia and Ukraine whose case raises a question beyond their own situation.",
    cov(["GE", "UA"]), ["ka", "uk", "ru", "en"], [P, O], 120)
svc("kestrel-pro-bono", "strasbourg", "Applications to the European Court of Human Rights", "legal",
    "Preparing applications and follow-up in Strasbourg once domestic remedies are used up.",
    "Defenders from Armenia, Azerbaijan, Georgia or Ukraine whose national appeals have failed, "
    "or have no chance to work.",
    cov(["AM", "AZ", "GE", "UA"]), ["en", "ru", "uk", "ka"], [O], 336)

# ------------------------------------------------------------------------ Kazakhstan

org("steppe-lawyers", "Steppe Lawyers' Bureau", "local_cso", ["KZ"], ["kk", "ru"],
    "Lawyers in Almaty and Astana who defend activists, journalists and striking workers.",
    regions=["KZ-ALA", "KZ-AST"],
    translations={"ru": {"name": "Бюро юристов «Степь»",
                         "description": "Юристы в Алматы и Астане, которые защищают активистов, журналистов "
                                        "и бастующих рабочих."}})
svc("steppe-lawyers", "emergency", "Emergency defence after detention", "legal",
    "A lawyer within hours when an activist is detained in Almaty or Astana.",
    "Detained activists, journalists and their relatives. Call our duty number; text if you cannot talk.",
    cov(["KZ"], ["KZ-ALA", "KZ-AST"]), ["kk", "ru"], [P], 4,
    translations={"ru": {"name": "Срочная защита после задержания",
                         "eligibility": "Задержанные активисты, журналисты и их родственники. Звоните "
                                        "на дежурный номер или напишите, если не можете говорить."}})
svc("steppe-lawyers", "remote-advice", "Legal advice for the regions", "legal",
    "Consultations by video or phone for activists outside the two big cities.",
    "Activists anywhere in Kazakhstan, including small towns and villages. We can find a local lawyer for court.",
    cov(["KZ"], remote=True), ["kk", "ru"], [O], 48, groups=["regional_activists", "labour_rights"])
svc("steppe-lawyers", "monitoring", "Trial monitoring", "trial_observation",
    "Monitors in court and a short public report after each hearing.",
    "Trials of defenders and journalists in Almaty and Astana.",
    cov(["KZ"], ["KZ-ALA", "KZ-AST"]), ["kk", "ru"], [P], 168)
svc("steppe-lawyers", "fines", "Help with fines for peaceful protest", "fines_coverage",
    "A small fund that pays administrative fines for taking part in peaceful assemblies. "
    "Closed for now because the money is spent; we keep a waiting list and reopen when funds come in.",
    "Activists fined for a peaceful protest in Kazakhstan who cannot pay the fine themselves.",
    cov(["KZ"]), ["kk", "ru"], [O], 168, open=False)

org("zhaiyk-coalition", "Zhaiyk Protection Coalition", "focal_point", ["KZ"], ["kk", "ru", "en"],
    "Kazakhstan's protection focal point: a coalition that verifies cases and coordinates protection.",
    regions=["KZ-ALA"])
svc("zhaiyk-coalition", "grants", "Emergency grants", "financial",
    "Small, fast grants for costs caused by persecution.",
    "Defenders in Kazakhstan under threat because of their work, confirmed by a member organisation. "
    "Family members can receive support in their own right.",
    cov(["KZ"]), ["kk", "ru"], [O], 120, family=True)
svc("zhaiyk-coalition", "referral", "Referral to international providers", "information",
    "We verify your case once and connect you with the programmes that can help.",
    "Any defender in Kazakhstan, and ethnic Kazakh activists who came from China.",
    cov(["KZ"]), ["kk", "ru", "en"], [O], 48)
svc("zhaiyk-coalition", "trainings", "Security trainings in the regions", "capacity_building",
    "Trainings on digital and physical security held in regional towns.",
    "Local groups anywhere in Kazakhstan. We come to you when at least six people take part.",
    cov(["KZ"], remote=True), ["kk", "ru"], [P], 336)
svc("zhaiyk-coalition", "psychologists", "Referral to psychologists", "psychological",
    "Online sessions with psychologists who have worked with defenders before.",
    "Defenders and their families in Kazakhstan.",
    cov(["KZ"]), ["kk", "ru"], [O], 72, family=True)
svc("zhaiyk-coalition", "doctors", "Urgent medical help", "medical_emergency",
    "Doctors we trust, who treat and document injuries after an attack or in custody.",
    "Defenders in Almaty or Astana who need a doctor now.",
    cov(["KZ"], ["KZ-ALA", "KZ-AST"]), ["kk", "ru"], [P], 6)

org("ertis-environment", "Ertis Environmental Defence", "local_cso", ["KZ"], ["kk", "ru"],
    "Environmental activists in the north and east of Kazakhstan who help each other against industrial polluters.",
    regions=["KZ-PAV", "KZ-VOS", "KZ-KAR"])
svc("ertis-environment", "lawyers", "Lawyers for environmental cases", "legal",
    "Legal help when you are sued, fined or threatened because of environmental campaigning.",
    "Environmental activists in Pavlodar, East Kazakhstan and Karaganda, including small towns.",
    cov(["KZ"], ["KZ-PAV", "KZ-VOS", "KZ-KAR"], remote=True), ["ru", "kk"], [O, P], 72, groups=["environmental"])
svc("ertis-environment", "solidarity", "Solidarity campaigns", "solidarity",
    "Petitions, letters and visits when an environmental activist is targeted.",
    "Environmental activists anywhere in Kazakhstan.",
    cov(["KZ"]), ["ru", "kk"], [O], 72, groups=["environmental"])
svc("ertis-environment", "information", "Rights and procedures for local campaigns", "information",
    "How to ask for environmental information, take part in hearings and protest lawfully.",
    "Residents and groups in the regions we cover.",
    cov(["KZ"], ["KZ-PAV", "KZ-VOS", "KZ-KAR"]), ["ru", "kk"], [O, P], 120, groups=["environmental", "grassroots"])

org("zhetysu-women", "Zhetysu Women Defenders' Circle", "local_cso", ["KZ"], ["kk", "ru"],
    "Women defenders in Almaty and the Almaty region who support each other and women at risk.",
    regions=["KZ-ALA", "KZ-ALM"])
svc("zhetysu-women", "psychologist", "A psychologist who understands", "psychological",
    "Sessions with a psychologist for women facing threats, smear campaigns or pressure from relatives.",
    "Women defenders in Kazakhstan. Sessions are online, so you can join from anywhere.",
    cov(["KZ"]), ["kk", "ru"], [O], 72, groups=["women_hrds", "womens_rights"])
svc("zhetysu-women", "children", "Childcare and support for families", "family_support",
    "Childcare during hearings and trainings, and help for children who were frightened by a search.",
    "Women defenders and their children in Almaty and the Almaty region.",
    cov(["KZ"], ["KZ-ALA", "KZ-ALM"]), ["kk", "ru"], [P], 168, groups=["women_hrds"], family=True)
svc("zhetysu-women", "lawyer", "Lawyer for domestic-violence activists", "legal",
    "Legal help for activists who are sued or threatened because of their work on domestic violence.",
    "Activists working on domestic violence and gender equality in Almaty and the region.",
    cov(["KZ"], ["KZ-ALA", "KZ-ALM"]), ["kk", "ru"], [P, O], 48, groups=["womens_rights", "women_hrds"])

# ------------------------------------------------------------------------ Kyrgyzstan

org("ala-too-circle", "Ala-Too Defenders' Circle", "local_cso", ["KG"], ["ky", "ru", "en"],
    "A Bishkek circle of lawyers, journalists and technologists who protect defenders in Kyrgyzstan.",
    regions=["KG-GB", "KG-C"],
    translations={"ru": {"name": "Круг защитников «Ала-Тоо»",
                         "description": "Бишкекский круг юристов, журналистов и технологов, которые "
                                        "защищают правозащитников в Кыргызстане."},
                  "ky": {"name": "«Ала-Тоо» коргоочулар тобу"}})
svc("ala-too-circle", "hotline", "Detention hotline", "legal",
    "A lawyer within three hours for anyone detained in Bishkek or the Chuy region because of their activism.",
    "Activists, journalists and bloggers who are detained or summoned. A friend can call for you.",
    cov(["KG"], ["KG-GB", "KG-C"]), ["ky", "ru"], [P], 3)
svc("ala-too-circle", "digital-desk", "Digital security help desk in Bishkek", "digital_security",
    "Bring your phone or laptop, or write to us: account recovery, checks for spyware, safer settings.",
    "Defenders, journalists and bloggers in Kyrgyzstan. In person in Bishkek, online from elsewhere.",
    cov(["KG"], ["KG-GB"]), ["ky", "ru", "en"], [P, O], 24,
    translations={"ru": {"name": "Служба цифровой безопасности в Бишкеке",
                         "description": "Приносите телефон или ноутбук или напишите нам: восстановление "
                                        "аккаунтов, проверка на шпионские программы, безопасные настройки."},
                  "ky": {"name": "Бишкектеги санариптик коопсуздук кызматы"}})
svc("ala-too-circle", "solidarity", "Solidarity actions", "solidarity",
    "Statements, pickets where possible, and letters to officials when a defender is targeted.",
    "Anyone in Kyrgyzstan persecuted for their civic work, with their agreement.",
    cov(["KG"]), ["ky", "ru"], [O, P], 48)
svc("ala-too-circle", "courts", "Observers in Bishkek courts", "trial_observation",
    "Observers attend hearings and keep a record of violations of fair-trial rights.",
    "Trials of defenders, journalists and bloggers in Bishkek.",
    cov(["KG"], ["KG-GB"]), ["ky", "ru"], [P], 168)
svc("ala-too-circle", "rights-guides", "Guides on new laws", "information",
    "Plain-language explanations of new laws on NGOs, media and 'false information'.",
    "Anyone; ask a question by Signal and we answer within three days.",
    cov(["KG"]), ["ky", "ru"], [O], 72)

org("osh-valley", "Osh Valley Rights Centre", "local_cso", ["KG"], ["ky", "uz", "ru"],
    "A rights centre in Osh working in the south of Kyrgyzstan, in Kyrgyz, Uzbek and Russian.",
    regions=["KG-GO", "KG-O", "KG-J"])
svc("osh-valley", "osh-lawyer", "A lawyer in Osh city", "legal",
    "Legal advice and representation at the centre in Osh city.",
    "Activists and journalists in Osh city. For the rest of the region see our ethnic-minority service.",
    cov(["KG"], ["KG-GO"]), ["ky", "uz", "ru"], [P], 12)
svc("osh-valley", "counselling", "Counselling in Uzbek, Kyrgyz or Russian", "psychological",
    "Sessions with a psychologist at the centre or by phone.",
    "Defenders in the south and their families. You choose the language.",
    cov(["KG"], ["KG-GO", "KG-O", "KG-J"]), ["uz", "ky", "ru"], [P, O], 72, family=True)
svc("osh-valley", "minorities", "Legal help for ethnic-minority defenders", "legal",
    "Lawyers who speak Uzbek and follow cases of minority activists in the southern regions.",
    "Uzbek and other minority defenders in Osh, Jalal-Abad and nearby villages. We travel where needed.",
    cov(["KG"], ["KG-GO", "KG-O", "KG-J"], remote=True), ["uz", "ru", "ky"], [P, O], 48,
    groups=["ethnic_minorities"])
svc("osh-valley", "information", "Rights information in the villages", "information",
    "Visits to villages in the south to explain rights and how to get help.",
    "Residents and activists in villages of Osh and Jalal-Abad regions.",
    cov(["KG"], ["KG-O", "KG-J"], remote=True), ["uz", "ky"], [P], 120)

org("sary-chelek-coalition", "Sary-Chelek Protection Coalition", "focal_point", ["KG"], ["ky", "ru", "en"],
    "Kyrgyzstan's protection focal point, linking local organisations with international programmes.",
    regions=["KG-GB"])
svc("sary-chelek-coalition", "grants", "Emergency grants", "financial",
    "A fast grant for urgent needs after threats or persecution.",
    "Defenders in Kyrgyzstan confirmed by one of our members. Relatives can be supported too.",
    cov(["KG"]), ["ky", "ru"], [O], 96, family=True)
svc("sary-chelek-coalition", "mobile-clinic", "Mobile digital security clinic", "digital_security",
    "A two-person team visits the regions to check devices and set up safer accounts.",
    "Activists outside Bishkek, in towns and villages of every region. Ask and we plan a visit.",
    cov(["KG"], remote=True), ["ky", "ru"], [P, O], 72)
svc("sary-chelek-coalition", "safe-stay", "Moving somewhere safer for a while", "relocation_in_country",
    "Travel and rent for a few weeks in another town.",
    "You or your family are threatened where you live. Decision within two days.",
    cov(["KG"]), ["ky", "ru"], [P], 48, family=True)
svc("sary-chelek-coalition", "referral", "Verification and referral", "information",
    "We verify cases for international providers and stay with you until you get an answer.",
    "Any defender in Kyrgyzstan, and defenders from neighbouring countries living here.",
    cov(["KG"], exile=["TJ", "KZ"]), ["ky", "ru", "en"], [O], 48)
svc("sary-chelek-coalition", "doctors", "Doctors on call", "medical_emergency",
    "Trusted doctors in Bishkek and Osh who see defenders quickly and record injuries.",
    "Defenders who were beaten or fell ill in custody.",
    cov(["KG"], ["KG-GB", "KG-GO"]), ["ky", "ru"], [P], 12)
svc("sary-chelek-coalition", "trainings", "Security trainings", "capacity_building",
    "Trainings for groups in the regions on digital and physical security.",
    "Local groups anywhere in Kyrgyzstan.",
    cov(["KG"], remote=True), ["ky", "ru"], [P], 336)

org("issyk-kul-women", "Issyk-Kul Women Defenders' Network", "local_cso", ["KG"], ["ky", "ru"],
    "A network of women defenders around Lake Issyk-Kul and in Naryn.",
    regions=["KG-Y", "KG-N"])
svc("issyk-kul-women", "counselling", "Psychological support for women defenders", "psychological",
    "Phone and video sessions, and visits to villages when possible.",
    "Women defenders in Issyk-Kul and Naryn, including remote villages.",
    cov(["KG"], ["KG-Y", "KG-N"], remote=True), ["ky", "ru"], [O, P], 72, groups=["women_hrds"])
svc("issyk-kul-women", "lakeside-rest", "Rest by the lake", "rest_respite",
    "A week in a guesthouse on the lake, with your children if you wish.",
    "Women defenders from Kyrgyzstan and Kazakhstan who need a break.",
    cov(["KG", "KZ"]), ["ky", "ru", "kk"], [T], 336, groups=["women_hrds"], family=True)
svc("issyk-kul-women", "meetings", "Women defenders' meetings", "networking",
    "Twice a year, women defenders from the regions meet for two days.",
    "Women defenders from Kyrgyzstan. Travel is covered.",
    cov(["KG"]), ["ky", "ru"], [T], 720, groups=["women_hrds"])

org("tien-shan-tech", "Tien Shan Tech Shield", "social_enterprise", ["KG"], ["ky", "ru"],
    "A small IT company that repairs devices and helps activists with digital security in the regions.",
    regions=["KG-N", "KG-T", "KG-Y", "KG-B"])
svc("tien-shan-tech", "remote-help", "Digital security help for the regions", "digital_security",
    "Remote help by video call and, in Naryn, Talas, Karakol and Batken, at our partner shops.",
    "Defenders anywhere in Kyrgyzstan, especially outside Bishkek. Pay nothing; the coalition covers it.",
    cov(["KG"], remote=True), ["ky", "ru"], [O, P], 48)
svc("tien-shan-tech", "refurbished", "Refurbished phones and laptops", "equipment",
    "Cleaned, securely set-up devices to replace seized or broken ones.",
    "Defenders in Kyrgyzstan whose equipment was seized or destroyed.",
    cov(["KG"]), ["ky", "ru"], [P, O], 168)
svc("tien-shan-tech", "basics", "Digital basics for activists", "capacity_building",
    "Short sessions on passwords, two-factor login and safe messaging.",
    "Activists in Naryn, Talas, Issyk-Kul and Batken.",
    cov(["KG"], ["KG-N", "KG-T", "KG-Y", "KG-B"], remote=True), ["ky"], [P], 336)

org("nur-circle", "Nur Women's Mutual Aid Circle", "religious_organisation", ["KG"], ["ky", "ru"],
    "A women's Islamic association in Bishkek that helps women stand up for their rights.",
    regions=["KG-GB", "KG-C"])
svc("nur-circle", "family-help", "Help for women and their children", "family_support",
    "Food, childcare and a place to talk for women whose activism has put their family under pressure.",
    "Women in Bishkek and the Chuy region. You do not have to be religious.",
    cov(["KG"], ["KG-GB", "KG-C"]), ["ky", "ru"], [P], 168, groups=["women_hrds", "womens_rights"], family=True)
svc("nur-circle", "rights-talks", "Talks on women's rights", "information",
    "Talks in mosques and community halls on women's rights and where to get help.",
    "Women and girls in Bishkek and the Chuy region.",
    cov(["KG"], ["KG-GB", "KG-C"]), ["ky"], [P], 120, groups=["womens_rights"])

# ------------------------------------------------------------------------ Tajikistan
# Almost nothing local can work openly: one group, partly closed; the rest is
# exile-based or international.

org("pamir-legal", "Pamir Legal Initiative", "local_cso", ["TJ"], ["tg", "ru"],
    "A few lawyers in Dushanbe and Khorog who still give legal advice to people under pressure.",
    regions=["TJ-DU", "TJ-GB"], website=False)
svc("pamir-legal", "consultations", "Consultations in Dushanbe", "legal",
    "Confidential legal advice in person in Dushanbe.",
    "Anyone in Tajikistan under pressure for their civic work, their faith or their relatives abroad. "
    "Ask for an appointment through someone you trust.",
    cov(["TJ"], ["TJ-DU"]), ["tg", "ru"], [P], 48)
svc("pamir-legal", "khorog-desk", "Information desk in Khorog", "information",
    "Rights information for people in Gorno-Badakhshan. Closed for now after pressure on its staff; "
    "write to the Dushanbe office instead.",
    "Residents of Gorno-Badakhshan who need to know their rights or where to turn.",
    cov(["TJ"], ["TJ-GB"]), ["tg", "ru"], [P], 168, open=False)

org("zarafshon-diaspora", "Zarafshon Diaspora Assistance", "diaspora", ["DE", "AT", "PL"], ["tg", "ru", "de", "en"],
    "Tajik activists in Europe who support defenders forced to leave Tajikistan and families who stayed.")
svc("zarafshon-diaspora", "extradition", "Asylum and extradition help", "legal",
    "Lawyers in Europe for asylum claims and against extradition or deportation to Tajikistan.",
    "Tajik defenders abroad who are at risk of being sent back. Contact us as soon as you are detained.",
    cov(["DE", "AT", "PL", "RU", "TR"], exile=["TJ"]), ["tg", "ru", "de"], [O], 12, groups=["exiles"])
svc("zarafshon-diaspora", "settling", "Settling in Europe", "adaptation",
    "German and Polish lessons, help with documents and finding work.",
    "Tajik defenders and their families who have arrived in Germany, Austria or Poland.",
    cov(["DE", "AT", "PL"], exile=["TJ"]), ["tg", "ru"], [P, O], 168, family=True)
svc("zarafshon-diaspora", "families", "Support for families at home", "prisoner_support",
    "Money and advice for relatives of political prisoners inside Tajikistan, sent discreetly.",
    "Families in Tajikistan of people imprisoned for their activism, faith or opposition membership.",
    cov(["TJ"]), ["tg", "ru"], [O], 168, groups=["political_prisoners"], family=True)
svc("zarafshon-diaspora", "grants", "Emergency money in exile", "financial",
    "A one-off payment when you have just fled and have no income.",
    "Tajik defenders who left the country in the last year.",
    cov(exile=["TJ"]), ["tg", "ru"], [O], 168, family=True)

# ------------------------------------------------------------------------- Ukraine

org("dnipro-frontline", "Dnipro Frontline Defenders' Union", "local_cso", ["UA"], ["uk", "ru"],
    "A union of civic activists in frontline regions who document abuses and help each other stay safe.",
    regions=["UA-12", "UA-14", "UA-63", "UA-23", "UA-65"],
    translations={"uk": {"name": "Спілка прифронтових захисників «Дніпро»",
                         "description": "Спілка громадських активістів прифронтових регіонів, які "
                                        "документують порушення і допомагають одне одному залишатися в безпеці."}})
svc("dnipro-frontline", "evacuation", "Evacuation from frontline towns", "relocation_in_country",
    "Transport and a first month's rent in a safer region for activists and their families.",
    "Activists and volunteers in Donetsk, Kharkiv, Zaporizhzhia, Kherson and Dnipropetrovsk regions, "
    "including villages near the front.",
    cov(["UA"], ["UA-12", "UA-14", "UA-63", "UA-23", "UA-65"], remote=True), ["uk", "ru"], [P], 24,
    groups=["conflict_areas"], family=True,
    translations={"uk": {"name": "Евакуація з прифронтових міст",
                         "eligibility": "Активісти й волонтери Донецької, Харківської, Запорізької, "
                                        "Херсонської та Дніпропетровської областей, зокрема з сіл біля фронту."}})
svc("dnipro-frontline", "equipment", "Replacing lost equipment", "equipment",
    "Laptops, phones, cameras and power banks to replace what was destroyed or left behind.",
    "Activists and documenters from frontline regions who lost their work equipment.",
    cov(["UA"]), ["uk", "ru"], [P, O], 168, groups=["conflict_areas", "war_crimes_extremism"])
svc("dnipro-frontline", "legal", "Legal help in frontline regions", "legal",
    "Lawyers who handle cases of activists in the regions we cover, including conscription disputes.",
    "Activists in our five regions facing prosecution, pressure from local officials or unlawful conscription.",
    cov(["UA"], ["UA-12", "UA-14", "UA-63", "UA-23", "UA-65"]), ["uk", "ru"], [P, O], 48)
svc("dnipro-frontline", "office-security", "Securing homes and offices", "physical_security",
    "Shutters, generators, first-aid kits and reinforced doors for offices and homes of activists.",
    "Activists and organisations in frontline cities.",
    cov(["UA"], ["UA-12", "UA-63", "UA-23"]), ["uk", "ru"], [P], 168)
svc("dnipro-frontline", "counselling", "Psychologist for documenters", "psychological",
    "Online sessions for people who record testimonies of war crimes.",
    "Documenters and interviewers anywhere in Ukraine.",
    cov(["UA"]), ["uk", "ru"], [O], 72, groups=["war_crimes_extremism"])

org("crimean-witness", "Crimean Witness Legal Group", "local_cso", ["UA"], ["uk", "ru", "crh"],
    "Lawyers and monitors who defend residents of occupied Crimea persecuted by the occupying authorities.",
    regions=["UA-43", "UA-40", "UA-30"])
svc("crimean-witness", "lawyers", "Lawyers in occupied Crimea", "legal",
    "Defence lawyers for people detained or searched in Crimea, including Crimean Tatar activists.",
    "Residents of Crimea and Sevastopol persecuted for their views, faith or Ukrainian identity. "
    "Relatives can ask for them.",
    cov(["UA"], ["UA-43", "UA-40"]), ["ru", "crh", "uk"], [P, O], 12,
    groups=["religious_minorities", "ethnic_minorities"], family=True)
svc("crimean-witness", "prisoners", "Support for Crimean political prisoners", "prisoner_support",
    "Parcels, lawyers' visits and travel for relatives to hearings in Crimea and Russia.",
    "Political prisoners from Crimea and their families, wherever they are held.",
    cov(["UA"], ["UA-43", "UA-40"]), ["ru", "crh", "uk"], [O, P], 72, groups=["political_prisoners"], family=True)
svc("crimean-witness", "monitoring", "Monitoring of trials", "trial_observation",
    "Monitors and lawyers record what happens in political trials of Crimean residents.",
    "Trials of Crimean residents, in Crimea or in Russia.",
    cov(["UA"], ["UA-43", "UA-40"]), ["ru", "uk", "crh"], [P], 168)
svc("crimean-witness", "children", "Help for children of prisoners", "family_support",
    "School costs, summer camps and a psychologist for children whose parent is imprisoned.",
    "Children of Crimean political prisoners and their carers.",
    cov(["UA"], ["UA-43", "UA-40"]), ["ru", "crh"], [O, P], 168, family=True)
svc("crimean-witness", "safety-information", "Safety information for Crimea", "information",
    "How to talk to us safely, what to do at a search, and how to document what happens.",
    "Anyone in occupied Crimea. Use the secure channels we describe, never your ordinary phone line.",
    cov(["UA"], ["UA-43", "UA-40"]), ["ru", "uk", "crh"], [O], 48)

org("desna-coalition", "Desna Protection Coalition", "focal_point", ["UA"], ["uk", "ru", "en"],
    "Ukraine's protection focal point: member organisations verify cases and coordinate support across the country.",
    regions=["UA-30"],
    translations={"uk": {"name": "Коаліція захисту «Десна»"}})
svc("desna-coalition", "grants", "Emergency grants", "financial",
    "Quick support for defenders whose work has put them or their families at risk.",
    "Defenders in Ukraine confirmed by a member organisation, including volunteers who are not paid for their work.",
    cov(["UA"]), ["uk", "ru"], [O], 96, family=True)
svc("desna-coalition", "referral", "Verification and referral", "information",
    "We verify your case and pass it on to the right international or local provider.",
    "Any defender in Ukraine, including the occupied territories.",
    cov(["UA"]), ["uk", "ru", "en"], [O], 48,
    translations={"uk": {"name": "Перевірка та направлення",
                         "description": "Ми перевіряємо ваш випадок і передаємо його відповідному "
                                        "міжнародному чи місцевому постачальнику.",
                         "eligibility": "Будь-який правозахисник в Україні, зокрема на окупованих територіях."}})
svc("desna-coalition", "relocation", "Relocation to a safer region", "relocation_in_country",
    "Travel, housing and a small allowance while you settle in a safer region.",
    "Defenders who must leave their town because of shelling, occupation or threats.",
    cov(["UA"]), ["uk", "ru"], [P], 48, family=True)
svc("desna-coalition", "psychologists", "Network of psychologists", "psychological",
    "Sessions with psychologists across Ukraine, in person or online.",
    "Defenders, volunteers and their families.",
    cov(["UA"]), ["uk", "ru"], [O, P], 72, family=True, groups=[])
svc("desna-coalition", "medical", "Referral for ongoing treatment", "medical_long_term",
    "Appointments with specialists in Kyiv and Lviv, with costs covered.",
    "Defenders whose health has suffered from their work, captivity or the war.",
    cov(["UA"], ["UA-30", "UA-46"]), ["uk", "ru"], [P], 168)
svc("desna-coalition", "trainings", "Security trainings in the regions", "capacity_building",
    "Trainings for local groups on digital security, first aid and safety planning.",
    "Groups anywhere in the government-controlled territory, including small communities.",
    cov(["UA"], remote=True), ["uk"], [P, O], 336)

org("carpathian-quiet", "Carpathian Quiet House", "social_enterprise", ["UA"], ["uk", "ru", "en"],
    "A guesthouse in the Carpathians run as a social enterprise, hosting defenders for rest.",
    regions=["UA-26", "UA-21"])
svc("carpathian-quiet", "rest", "Rest in the mountains", "rest_respite",
    "Ten days in the mountains, away from air-raid sirens, with your family if you wish.",
    "Defenders and volunteers from across Ukraine, especially from frontline regions.",
    cov(["UA"]), ["uk", "ru"], [T], 336, family=True, groups=["ukrainian_volunteers"])
svc("carpathian-quiet", "retreat", "Anti-burnout retreats", "anti_burnout",
    "Retreats with psychologists for teams worn out by years of work.",
    "Teams of Ukrainian organisations, four to ten people.",
    cov(["UA"]), ["uk"], [T], 720)

org("lychakiv-trauma", "Lychakiv Trauma Recovery Centre", "psychological_provider", ["UA"], ["uk", "ru", "en"],
    "Psychologists and psychiatrists who work with trauma, in Lviv, Kyiv and online.",
    regions=["UA-46", "UA-30"])
svc("lychakiv-trauma", "individual", "Trauma therapy", "psychological",
    "Individual therapy with a trauma specialist, in person in Lviv or Kyiv, or online.",
    "Defenders and their family members anywhere in Ukraine.",
    cov(["UA"]), ["uk", "ru"], [P, O], 48, family=True)
svc("lychakiv-trauma", "after-captivity", "Recovery after captivity", "rehabilitation",
    "A programme of medical, psychological and social support after release from captivity or prison.",
    "Defenders released from captivity by the occupying forces, or from prison.",
    cov(["UA"]), ["uk", "ru"], [P], 168, groups=["political_prisoners", "conflict_areas"], family=True)
svc("lychakiv-trauma", "volunteers", "Group support for volunteers", "psychological",
    "A weekly online group for volunteers.",
    "Unpaid volunteers doing civic or humanitarian work.",
    cov(["UA"]), ["uk"], [O], 168, groups=["volunteers", "ukrainian_volunteers"])

org("ua-ombuds-office", "Ombudsperson's Field Office for Civic Activists (Kyiv)", "ombudsperson", ["UA"], ["uk", "ru"],
    "A field office of the national human rights institution that receives complaints from defenders. "
    "Fictional demo record.",
    regions=["UA-30"], website=False)
svc("ua-ombuds-office", "complaints", "Complaints about officials", "information",
    "The office registers complaints and asks the authorities to respond.",
    "Anyone in Ukraine whose rights were violated by officials while doing civic work.",
    cov(["UA"]), ["uk", "ru"], [O, P], 120)
svc("ua-ombuds-office", "tracing", "Tracing defenders held by occupying forces", "prisoner_support",
    "The office collects information on detained civilians and raises their cases in exchanges and talks.",
    "Families of defenders detained in occupied territories or taken to Russia.",
    cov(["UA"]), ["uk", "ru"], [O, P], 336, family=True)

org("podil-medics", "Podil Volunteer Medics", "medical_provider", ["UA"], ["uk", "ru", "en"],
    "Volunteer doctors in Kyiv who treat activists and journalists, quickly and discreetly.",
    regions=["UA-30", "UA-32"])
svc("podil-medics", "urgent", "Urgent care", "medical_emergency",
    "A doctor on call for injuries, with documentation that can be used in court.",
    "Defenders and journalists in Kyiv and the Kyiv region.",
    cov(["UA"], ["UA-30", "UA-32"]), ["uk", "ru"], [P], 2)
svc("podil-medics", "ongoing", "Follow-up treatment", "medical_long_term",
    "Check-ups and follow-up care after injury or long illness.",
    "Defenders who were treated by us, or are referred by a coalition member.",
    cov(["UA"], ["UA-30", "UA-32"]), ["uk", "ru"], [P], 168)

org("holy-protection-parish", "Holy Protection Parish Solidarity Group", "religious_organisation",
    ["UA"], ["uk", "ru", "crh"],
    "Parishioners of a small church in Crimea who stand by persecuted neighbours of every faith.",
    regions=["UA-43"], website=False)
svc("holy-protection-parish", "solidarity", "Standing by persecuted believers", "solidarity",
    "Visits, prayer, and attendance at hearings for people persecuted for their faith.",
    "Believers of any faith and their families in Crimea.",
    cov(["UA"], ["UA-43"]), ["uk", "ru", "crh"], [P], 72,
    groups=["religious_minorities", "ocu_clergy_crimea", "protestant_christians"])
svc("holy-protection-parish", "parcels", "Parcels for detainees", "prisoner_support",
    "Food and warm clothes for people held in Simferopol.",
    "Detained residents of Crimea and their families.",
    cov(["UA"], ["UA-43"]), ["ru", "uk"], [P], 120, family=True)

# ------------------------------------------------------------ Regional and international

org("central-asia-network", "Central Asia Defenders Network", "regional_network", ["KZ", "KG", "TJ"],
    ["ru", "kk", "ky", "tg", "uz", "en"],
    "A regional network based in Bishkek that links defenders of Kazakhstan, Kyrgyzstan and Tajikistan.",
    regions=["KG-GB"],
    translations={"ru": {"name": "Сеть защитников Центральной Азии",
                         "description": "Региональная сеть с центром в Бишкеке, которая объединяет "
                                        "правозащитников Казахстана, Кыргызстана и Таджикистана."}})
svc("central-asia-network", "gatherings", "Regional gatherings", "networking",
    "A yearly gathering in Bishkek and online exchanges on shared risks.",
    "Defenders from Kazakhstan, Kyrgyzstan and Tajikistan, and from exile.",
    cov(["KZ", "KG", "TJ"], exile=["TJ", "KZ"]), ["ru", "en"], [T, O], 720)
svc("central-asia-network", "bishkek-shelter", "Safe flat in Bishkek", "temporary_shelter",
    "A flat in Bishkek for defenders from Tajikistan or Kazakhstan who had to leave in a hurry.",
    "Defenders fleeing Tajikistan or Kazakhstan, and defenders from Kyrgyzstan's regions in danger. "
    "Families can stay together.",
    cov(["KG"], ["KG-GB"], exile=["TJ", "KZ"]), ["ru", "tg", "kk", "ky"], [P], 24, family=True)
svc("central-asia-network", "invitations", "Invitation letters for visas", "visa",
    "Invitation letters and guidance for visas to partner countries; rarely successful for Kazakh citizens.",
    "Defenders from the three countries invited to events or needing to leave. Allow several weeks.",
    cov(["KZ", "KG", "TJ"]), ["ru", "en"], [O], 336)
svc("central-asia-network", "security-course", "Regional security course", "capacity_building",
    "A three-month online course on digital and physical security with regional case studies.",
    "Activists from the three countries; selection twice a year.",
    cov(["KZ", "KG", "TJ"]), ["ru", "en"], [O], 336)
svc("central-asia-network", "hotline", "Regional digital security hotline", "digital_security",
    "A Signal hotline for hacked accounts, lost phones and suspicious messages.",
    "Defenders in Kazakhstan, Kyrgyzstan and Tajikistan.",
    cov(["KZ", "KG", "TJ"], exile=["TJ"]), ["ru", "ky", "kk", "tg"], [O], 24)
svc("central-asia-network", "relocation", "Relocation within the region", "relocation_international",
    "Temporary relocation to a safer country in the region, or further when needed.",
    "Defenders of the three countries under acute threat.",
    cov(["KZ", "KG", "TJ"]), ["ru"], [T], 120, family=True)
svc("central-asia-network", "solidarity", "Regional solidarity statements", "solidarity",
    "Joint statements of the network's members and visits where possible.",
    "Defenders from the three countries, with their agreement.",
    cov(["KZ", "KG", "TJ"]), ["ru", "en"], [O], 48)

org("lighthouse-fund", "Lighthouse Defenders Fund", "international_cso", EIGHT, ["en", "ru", "fr", "es"],
    "An international fund that gives emergency support to defenders at risk anywhere in the world.",
    translations={"ru": {"name": "Фонд защитников «Маяк»",
                         "description": "Международный фонд, который оказывает экстренную поддержку "
                                        "правозащитникам в опасности по всему миру."}})
svc("lighthouse-fund", "emergency-grants", "Emergency grants", "financial",
    "Grants for urgent needs: lawyers, medical bills, security, leaving the country.",
    "Defenders at risk because of their peaceful work, anywhere. A short application; "
    "a partner organisation that knows you speeds things up.",
    cov(world=True), ["en", "ru", "fr", "es"], [O], 120, family=True,
    translations={"ru": {"name": "Экстренные гранты",
                         "description": "Гранты на срочные нужды: адвокаты, лечение, безопасность, выезд из страны.",
                         "eligibility": "Правозащитники в опасности из-за своей мирной работы, в любой "
                                        "стране. Короткая заявка; если вас знает партнёрская организация, "
                                        "решение будет быстрее."}})
svc("lighthouse-fund", "medical", "Emergency medical costs", "medical_emergency",
    "Paying for urgent treatment after an attack or in detention.",
    "Defenders who need urgent treatment they cannot pay for.",
    cov(world=True), ["en", "ru"], [O], 24, family=True)
svc("lighthouse-fund", "insurance", "Health insurance for defenders at risk", "health_insurance",
    "A year of health insurance for defenders who have lost theirs because of their work.",
    "Defenders in the eight countries covered by our regional programme.",
    cov(EIGHT), ["en", "ru"], [O], 336, family=True)
svc("lighthouse-fund", "legal-fees", "Legal fees", "legal",
    "Money for a lawyer of your choice in criminal or administrative cases.",
    "Defenders facing prosecution for their work.",
    cov(world=True), ["en", "ru", "fr", "es"], [O], 72)
svc("lighthouse-fund", "fines", "Paying fines for peaceful activism", "fines_coverage",
    "Covering fines imposed for protests, posts or donations, case by case.",
    "Defenders in Azerbaijan, Belarus, Kazakhstan and Tajikistan fined for peaceful activism. "
    "We cannot cover every fine; repeated fines are considered.",
    cov(["AZ", "BY", "KZ", "TJ"]), ["en", "ru"], [O], 240)
svc("lighthouse-fund", "equipment", "Equipment grants", "equipment",
    "Replacement of seized or destroyed laptops, phones and cameras.",
    "Defenders whose work equipment was seized or destroyed.",
    cov(world=True), ["en", "ru"], [O], 240)
svc("lighthouse-fund", "families", "Support for families", "family_support",
    "Support for spouses and children of defenders in prison or in hiding.",
    "Family members of defenders at risk in the eight countries.",
    cov(EIGHT), ["en", "ru"], [O], 240, family=True)
svc("lighthouse-fund", "relocation", "Temporary relocation grants", "relocation_international",
    "Travel and living costs for up to six months in a safer country.",
    "Defenders who must leave their country for a while. Families can be included.",
    cov(EIGHT), ["en", "ru"], [O, T], 168, family=True)

org("open-shield", "Open Shield Digital Helpline", "international_cso", EIGHT,
    ["en", "ru", "uk", "es", "fr", "ar"],
    "A round-the-clock digital security helpline for civil society, with Russian- and Ukrainian-speaking staff.",
    translations={"ru": {"name": "Горячая линия цифровой безопасности «Открытый щит»"}})
svc("open-shield", "helpline", "24/7 digital security helpline", "digital_security",
    "Help with hacked accounts, device compromise, phishing, DDoS and surveillance, any time of day.",
    "Civil society members anywhere: activists, journalists, lawyers, organisations.",
    cov(world=True), ["en", "ru", "uk", "es", "fr", "ar"], [O], 2,
    translations={"ru": {"name": "Круглосуточная линия цифровой безопасности",
                         "eligibility": "Любые представители гражданского общества: активисты, журналисты, "
                                        "юристы, организации."},
                  "uk": {"name": "Цілодобова лінія цифрової безпеки"}})
svc("open-shield", "trainings", "Online security trainings", "capacity_building",
    "Tailored online trainings for organisations.",
    "Organisations in the eight countries that have had a digital incident or expect one.",
    cov(EIGHT), ["en", "ru", "uk"], [O], 336)
svc("open-shield", "secure-devices", "Secure devices", "equipment",
    "Pre-configured laptops and phones for people at high digital risk.",
    "Defenders targeted by spyware or hacking, after an assessment by the helpline.",
    cov(EIGHT), ["en", "ru"], [O], 240)
svc("open-shield", "forensics", "Spyware checks", "digital_security",
    "Forensic analysis of phones suspected of spyware infection.",
    "Defenders and journalists who received suspicious links or notices from Apple or Google.",
    cov(world=True), ["en", "ru"], [O], 72)

org("northern-lights", "Northern Lights Relocation Programme", "international_cso", EIGHT, ["en", "ru"],
    "An international programme that relocates defenders and their families to safety for up to a year.")
svc("northern-lights", "relocation", "Relocation for up to a year", "relocation_international",
    "Travel, housing, a living allowance and a host organisation in a safe country.",
    "Defenders who cannot safely continue at home, with their close family.",
    cov(EIGHT), ["en", "ru"], [T], 168, family=True)
svc("northern-lights", "visas", "Visa support for defenders and families", "visa",
    "Help obtaining visas for the defender and their family, including children.",
    "Defenders accepted to our relocation programme. Not currently available for Kazakhstan.",
    cov(["AM", "AZ", "BY", "GE", "KG", "TJ", "UA"]), ["en", "ru"], [O], 336, family=True)
svc("northern-lights", "shelter", "Emergency shelter while relocation is arranged", "temporary_shelter",
    "Safe accommodation for a few weeks while visas and travel are prepared.",
    "Defenders in the relocation process who are in danger at home.",
    cov(EIGHT), ["en", "ru"], [P, T], 48, family=True)
svc("northern-lights", "adaptation", "Settling into the host country", "adaptation",
    "Language course, legal orientation and a paid internship with a host organisation.",
    "Participants of our relocation programme and other defenders in exile from the eight countries.",
    cov(exile=EIGHT), ["en", "ru"], [P, O], 336, family=True)
svc("northern-lights", "children", "Schooling and care for children", "family_support",
    "School places, childcare and a child psychologist during the relocation.",
    "Children of defenders in our relocation programme.",
    cov(EIGHT), ["en", "ru"], [P], 336, family=True)
svc("northern-lights", "insurance", "Health insurance during relocation", "health_insurance",
    "Full health insurance for the defender and family throughout the relocation.",
    "Participants of the relocation programme.",
    cov(EIGHT), ["en", "ru"], [O], 336, family=True)

org("eurasia-advocacy", "Eurasia Defenders Advocacy Bureau", "international_cso", EIGHT,
    ["en", "ru", "fr", "de"],
    "An international organisation that raises defenders' cases with governments, the UN and the OSCE.")
svc("eurasia-advocacy", "advocacy", "Raising your case internationally", "international_advocacy",
    "Briefings to governments, UN special procedures and the OSCE, and follow-up until there is an answer.",
    "Defenders at risk in the eight countries, with their informed consent. We explain the risks of publicity first.",
    cov(EIGHT), ["en", "ru"], [O], 168)
svc("eurasia-advocacy", "trial-missions", "International trial observation", "trial_observation",
    "International observers at key hearings, with a public report.",
    "Trials of defenders where international presence could make a difference. Ask a month ahead if you can.",
    cov(EIGHT), ["en", "ru"], [P], 336)
svc("eurasia-advocacy", "awards", "Award nominations", "award_nomination",
    "Nominations for international human rights prizes.",
    "Defenders from the eight countries whose work deserves recognition. Nominate someone, or yourself.",
    cov(EIGHT), ["en", "ru"], [O], 720)
svc("eurasia-advocacy", "urgent-appeals", "Urgent appeals", "solidarity",
    "Urgent appeals and letter-writing campaigns for defenders in danger.",
    "Defenders detained or threatened, with their or their family's consent.",
    cov(EIGHT), ["en", "ru", "fr", "de"], [O], 48)
svc("eurasia-advocacy", "un-briefings", "How UN and OSCE procedures work", "information",
    "Short guides and consultations on submitting cases to international mechanisms.",
    "Defenders and organisations in the eight countries.",
    cov(EIGHT), ["en", "ru"], [O], 168)

org("safe-harbour-cities", "Safe Harbour Cities Network", "international_cso", EIGHT, ["en", "ru", "de", "nl"],
    "A network of cities that host defenders for temporary residencies.")
svc("safe-harbour-cities", "residencies", "Three-month city residencies", "relocation_international",
    "Three months in a partner city with housing, allowance and a programme of meetings.",
    "Defenders under pressure who can return home after the residency. Partners and children can come.",
    cov(EIGHT), ["en", "ru"], [T], 720, family=True)
svc("safe-harbour-cities", "respite", "Respite stays", "rest_respite",
    "Shorter stays for rest, without a work programme.",
    "Defenders who need a break and can travel.",
    cov(EIGHT), ["en", "ru"], [T], 720)
svc("safe-harbour-cities", "orientation", "Orientation in the host city", "adaptation",
    "Language lessons and an introduction to local organisations during the residency.",
    "Residents of our partner cities.",
    cov(EIGHT), ["en", "ru", "de", "nl"], [P], 336)
svc("safe-harbour-cities", "alumni", "Alumni network", "networking",
    "Meetings and online exchanges among former residents.",
    "Former residents and defenders they recommend.",
    cov(EIGHT), ["en", "ru"], [O], 720)

org("mindful-defenders", "Mindful Defenders Online", "psychological_provider", EIGHT,
    ["ru", "uk", "en", "be", "ka", "hy"],
    "An online team of psychologists working with defenders in Eastern Europe and Central Asia.")
svc("mindful-defenders", "online-therapy", "Online therapy", "psychological",
    "Up to twelve sessions by video with a psychologist who knows defenders' work.",
    "Defenders in the eight countries and their family members. No paperwork beyond a short form.",
    cov(EIGHT), ["ru", "uk", "en", "be", "ka", "hy"], [O], 48, family=True)
svc("mindful-defenders", "burnout-group", "Online burnout group", "anti_burnout",
    "A six-week group on exhaustion, guilt and rest.",
    "Defenders who feel burnt out.",
    cov(EIGHT), ["ru", "uk"], [O], 336)
svc("mindful-defenders", "crisis-line", "Crisis line after arrest or attack", "psychological",
    "A psychologist within hours after an arrest, an attack or a search.",
    "Anyone from the eight countries who has just been through an acute incident.",
    cov(EIGHT, exile=EIGHT), ["ru", "uk", "en"], [O], 6)

org("civic-space-office", "Intergovernmental Office for Civic Space", "intergovernmental", EIGHT, ["en", "ru", "fr"],
    "A fictional intergovernmental office that follows the situation of defenders and civic space.")
svc("civic-space-office", "interventions", "Interventions with governments", "international_advocacy",
    "Letters to governments and public reports on individual cases.",
    "Defenders whose case shows a pattern of violations. The office decides which cases to take up.",
    cov(EIGHT), ["en", "ru", "fr"], [O], 720)
svc("civic-space-office", "guidance", "Guidance on complaints", "information",
    "Guidance on how to submit an individual communication.",
    "Anyone from the eight countries.",
    cov(EIGHT), ["en", "ru"], [O], 336)

org("newsroom-lifeline", "Newsroom Lifeline Desk", "international_cso", EIGHT, ["en", "ru", "uk"],
    "An international emergency desk for journalists and bloggers.")
svc("newsroom-lifeline", "legal", "Legal help for journalists", "legal",
    "Lawyers for journalists facing defamation suits, 'false information' charges or arrest.",
    "Journalists, bloggers and media workers, staff or freelance.",
    cov(world=True), ["en", "ru", "uk"], [O], 24, groups=["journalists"])
svc("newsroom-lifeline", "equipment", "Equipment for journalists", "equipment",
    "Cameras, laptops and protective gear for journalists who lost theirs.",
    "Journalists in the eight countries whose equipment was seized or destroyed.",
    cov(EIGHT), ["en", "ru", "uk"], [O], 168, groups=["journalists"])
svc("newsroom-lifeline", "grants", "Grants for journalists at risk", "financial",
    "Emergency money for journalists who cannot work because of persecution.",
    "Journalists and bloggers in the eight countries.",
    cov(EIGHT), ["en", "ru"], [O], 120, groups=["journalists"], family=True)
svc("newsroom-lifeline", "digital", "Digital help for newsrooms", "digital_security",
    "Incident response for hacked accounts, sites under attack and source protection.",
    "Journalists and newsrooms anywhere.",
    cov(world=True), ["en", "ru", "uk"], [O], 12, groups=["journalists"])
svc("newsroom-lifeline", "relocation", "Relocation of journalists", "relocation_international",
    "Temporary relocation for journalists who must leave.",
    "Journalists and bloggers at acute risk in the eight countries.",
    cov(EIGHT), ["en", "ru"], [T], 240, groups=["journalists"], family=True)

org("green-defenders-fund", "Green Defenders Solidarity Fund", "international_cso", EIGHT, ["en", "ru"],
    "An international fund for land and environmental defenders.")
svc("green-defenders-fund", "grants", "Grants for environmental defenders", "financial",
    "Support for legal costs, security and living costs.",
    "Environmental and land defenders in the eight countries, including informal local groups.",
    cov(EIGHT), ["en", "ru"], [O], 168, groups=["environmental"])
svc("green-defenders-fund", "legal", "Legal support for environmental cases", "legal",
    "Lawyers for SLAPP suits and criminal cases against environmental defenders.",
    "Environmental defenders anywhere.",
    cov(world=True), ["en", "ru"], [O], 120, groups=["environmental"])
svc("green-defenders-fund", "trainings", "Security for rural campaigns", "capacity_building",
    "Trainings held in villages and small towns on the safety of local campaigns.",
    "Rural and community groups defending land, water or forests in the eight countries.",
    cov(EIGHT, remote=True), ["ru"], [P], 336, groups=["environmental", "grassroots"])

org("prism-passage", "Prism Passage Network", "international_cso", EIGHT, ["en", "ru"],
    "An international network that helps LGBTQI defenders reach safety.")
svc("prism-passage", "relocation", "Relocation for LGBTQI defenders", "relocation_international",
    "Planning and paying for a move to a safer country.",
    "LGBTQI activists at acute risk in the eight countries.",
    cov(EIGHT), ["en", "ru"], [T], 168, groups=["lgbtqi"])
svc("prism-passage", "shelters", "Partner shelters", "temporary_shelter",
    "Places in partner shelters in the region.",
    "LGBTQI people and activists who must leave home immediately.",
    cov(EIGHT), ["en", "ru"], [P, T], 24, groups=["lgbtqi"])
svc("prism-passage", "counselling", "Online counselling", "psychological",
    "Sessions with LGBTQI-affirming psychologists.",
    "LGBTQI activists in the eight countries and in exile.",
    cov(EIGHT, exile=EIGHT), ["en", "ru"], [O], 48, groups=["lgbtqi"])
svc("prism-passage", "visas", "Visa guidance", "visa",
    "Help with visa applications for LGBTQI defenders and partners.",
    "LGBTQI defenders in our relocation process. We cannot help with visas from Kazakhstan at present.",
    cov(["AM", "AZ", "BY", "GE", "KG", "TJ", "UA"]), ["en", "ru"], [O], 504, groups=["lgbtqi"], family=True)

org("medaid-defenders", "Medical Aid for Defenders International", "medical_provider", EIGHT, ["en", "ru"],
    "An international medical charity arranging care for defenders.")
svc("medaid-defenders", "long-term", "Long-term medical care", "medical_long_term",
    "Diagnosis and treatment arranged with partner clinics, in the country or abroad.",
    "Defenders whose health has been damaged by persecution, prison or stress.",
    cov(EIGHT), ["en", "ru"], [O, T], 336)
svc("medaid-defenders", "rehabilitation", "Rehabilitation after prison", "rehabilitation",
    "A rehabilitation stay with medical and psychological care after release.",
    "Political prisoners released in the last two years.",
    cov(EIGHT, exile=EIGHT), ["en", "ru"], [T], 336, groups=["political_prisoners"])
svc("medaid-defenders", "emergency", "Emergency medical coordination", "medical_emergency",
    "Finding a trusted doctor and paying for care in an emergency.",
    "Defenders who need urgent care, including in detention.",
    cov(EIGHT), ["en", "ru"], [O], 12)

org("women-rapid-fund", "Women Defenders' Rapid Response Fund", "international_cso", EIGHT, ["en", "ru"],
    "An international fund for women defenders, designed around their family situation.")
svc("women-rapid-fund", "grants", "Rapid grants for women defenders", "financial",
    "Fast grants that can also pay for childcare and care of relatives.",
    "Women defenders at risk in the eight countries.",
    cov(EIGHT), ["en", "ru"], [O], 96, groups=["women_hrds"], family=True)
svc("women-rapid-fund", "childcare", "Childcare so you can take up support", "family_support",
    "Paying for childcare while you attend court, trainings or a respite stay.",
    "Women defenders with children or relatives in their care.",
    cov(EIGHT), ["en", "ru"], [O], 168, groups=["women_hrds"], family=True)
svc("women-rapid-fund", "respite", "Respite with your children", "rest_respite",
    "A rest stay where children are welcome and looked after.",
    "Women defenders who would otherwise not be able to travel.",
    cov(EIGHT), ["en", "ru"], [T], 336, groups=["women_hrds"], family=True)
svc("women-rapid-fund", "home-security", "Home security for women defenders", "physical_security",
    "Locks, cameras and alarm buttons for women threatened at home.",
    "Women defenders who were threatened or attacked at home.",
    cov(EIGHT), ["en", "ru"], [O], 168, groups=["women_hrds"])

org("independent-voices", "Independent Voices Media Collective", "media", EIGHT, ["en", "ru", "uk"],
    "An online media collective that reports on defenders at risk.")
svc("independent-voices", "coverage", "Making your case known", "solidarity",
    "Reporting on your case, if publicity could protect you.",
    "Defenders who want their case covered. We talk with you about the risks before publishing.",
    cov(EIGHT), ["en", "ru", "uk"], [O], 72)
svc("independent-voices", "guides", "Safety guides for reporters", "information",
    "Practical guides for reporters covering protests and trials.",
    "Journalists and citizen reporters.",
    cov(EIGHT), ["ru", "uk"], [O], 168, groups=["journalists"])

org("westmark-embassy-bishkek", "Embassy of Westmark in Bishkek (Human Rights Desk)", "embassy",
    ["KG", "KZ", "TJ"], ["en", "ru"],
    "The human rights desk of a fictional state's embassy, accredited in Central Asia.",
    regions=["KG-GB"], website=False)
svc("westmark-embassy-bishkek", "hearings", "Diplomats at hearings", "trial_observation",
    "Diplomats attend hearings of defenders in Bishkek and, on occasion, in Almaty and Dushanbe.",
    "Defendants or their lawyers, usually through a CSO, a week ahead.",
    cov(["KG", "KZ", "TJ"]), ["en", "ru"], [P], 168)
svc("westmark-embassy-bishkek", "statements", "Statements of concern", "solidarity",
    "Public or private statements of concern about a defender's situation.",
    "Defenders in the three countries, with their consent.",
    cov(["KG", "KZ", "TJ"]), ["en", "ru"], [O], 168)

# ---------------------------------------------------------------------------- Allies

ally("anahit-h", "Anahit H.", "lawyer", "AM", ["AM-ER"], ["hy", "ru"], "ararat-clinic",
     "Criminal defence; answers at night.")
ally("gor-m", "Gor M.", "lawyer", "AM", ["AM-LO", "AM-SH"], ["hy", "ru"], "lori-shield",
     "Based in Vanadzor; travels to villages.")
ally("lilit-s", "Lilit S.", "psychologist", "AM", ["AM-ER"], ["hy", "ru", "en"], "hrazdan-mind",
     "Trauma and burnout; online too.")
ally("aram-p", "Aram P.", "doctor", "AM", ["AM-ER"], ["hy", "ru"], "sevan-coalition",
     "General practitioner; documents injuries.")
ally("rashad-a", "Rashad A.", "lawyer", "AZ", ["AZ-BA"], ["az", "ru"], "absheron-watch",
     "Still licensed; contact only through the group.")
ally("leyla-g", "Leyla G.", "doctor", "AZ", ["AZ-BA"], ["az", "ru"], "absheron-watch",
     "Can visit families discreetly.")
ally("elnur-m", "Elnur M.", "interpreter", "GE", ["GE-TB"], ["az", "ka", "ru", "en"], "kura-legal",
     "Azerbaijani-Georgian interpreting at hearings and migration offices.")
ally("sevinj-t", "Sevinj T.", "lawyer", "GE", ["GE-TB"], ["az", "ru", "ka"], "kura-legal",
     "Extradition and asylum cases.")
ally("ales-k", "Ales K.", "lawyer", "BY", ["BY-HM"], ["be", "ru"], "nioman-legal",
     "Advises on Signal only.")
ally("hanna-v", "Hanna V.", "psychologist", "BY", [], ["be", "ru"], "palessie-aid",
     "Works with children of prisoners; online.")
ally("siarhei-l", "Siarhei L.", "psychiatrist", "LT", [], ["be", "ru", "lt"], "neris-hrh",
     "Vilnius; can write independent reports after forced psychiatric examinations.")
ally("volha-d", "Volha D.", "doctor", "PL", [], ["be", "ru", "pl"], "podlasie-centre",
     "Family doctor in Bialystok.")
ally("nino-b", "Nino B.", "lawyer", "GE", ["GE-TB"], ["ka", "ru", "en"], "samgori-coalition",
     "Protest and assembly cases.")
ally("levan-ch", "Levan Ch.", "lawyer", "GE", ["GE-IM"], ["ka", "ru"], "kolkheti-rights",
     "Kutaisi; environmental and land cases.")
ally("tamar-k", "Tamar K.", "doctor", "GE", ["GE-TB"], ["ka", "ru", "en"], "samgori-coalition",
     "Emergency physician; forensic documentation.")
ally("mariam-j", "Mariam J.", "psychologist", "GE", ["GE-TB"], ["ka", "en"], "rainbow-courtyard",
     "LGBTQI-affirming practice.")
ally("giorgi-sh", "Giorgi Sh.", "digital_security_specialist", "GE", ["GE-TB"], ["ka", "ru", "en"], "mtkvari-hrh",
     "Device forensics; works with the House's trainings.")
ally("aigerim-n", "Aigerim N.", "lawyer", "KZ", ["KZ-ALA"], ["kk", "ru"], "steppe-lawyers",
     "Administrative and criminal defence in Almaty.")
ally("daniyar-s", "Daniyar S.", "lawyer", "KZ", ["KZ-AST"], ["kk", "ru"], "steppe-lawyers",
     "Astana courts; labour rights cases.")
ally("saule-b", "Saule B.", "doctor", "KZ", ["KZ-ALA"], ["kk", "ru"], "zhaiyk-coalition",
     "Surgeon; can examine detainees when allowed.")
ally("gulnara-t", "Gulnara T.", "psychologist", "KZ", ["KZ-ALA", "KZ-ALM"], ["kk", "ru"], "zhetysu-women",
     "Works with women defenders.")
ally("yerlan-k", "Yerlan K.", "lawyer", "KZ", ["KZ-PAV"], ["ru", "kk"], "ertis-environment",
     "Environmental cases in Pavlodar.")
ally("aibek-d", "Aibek D.", "lawyer", "KG", ["KG-GB"], ["ky", "ru"], "ala-too-circle",
     "On the detention hotline rota.")
ally("nurlan-o", "Nurlan O.", "digital_security_specialist", "KG", ["KG-GB"], ["ky", "ru", "en"], "ala-too-circle",
     "Runs the Bishkek help desk.")
ally("bakyt-t", "Bakyt T.", "digital_security_specialist", "KG", ["KG-N", "KG-T"], ["ky", "ru"], "tien-shan-tech",
     "Travels in the regions.")
ally("dilnoza-r", "Dilnoza R.", "lawyer", "KG", ["KG-GO", "KG-O"], ["uz", "ky", "ru"], "osh-valley",
     "Minority rights cases in Osh.")
ally("shakhnoza-u", "Shakhnoza U.", "interpreter", "KG", ["KG-GO", "KG-J"], ["uz", "ky", "ru"], "osh-valley",
     "Uzbek-Kyrgyz-Russian interpreting in court.")
ally("ainura-m", "Ainura M.", "psychologist", "KG", ["KG-Y"], ["ky", "ru"], "issyk-kul-women",
     "Karakol; phone sessions.")
ally("emil-a", "Emil A.", "doctor", "KG", ["KG-GB"], ["ky", "ru"], "sary-chelek-coalition",
     "Emergency doctor; documents injuries.")
ally("firuz-n", "Firuz N.", "lawyer", "TJ", ["TJ-DU"], ["tg", "ru"], "pamir-legal",
     "Consultations only; cannot appear in political trials.")
ally("mavzuna-k", "Mavzuna K.", "social_worker", "DE", [], ["tg", "ru", "de"], "zarafshon-diaspora",
     "Helps newly arrived families with authorities.")
ally("oksana-p", "Oksana P.", "lawyer", "UA", ["UA-30"], ["uk", "ru", "en"], "desna-coalition",
     "Criminal defence and conscription disputes.")
ally("emine-s", "Emine S.", "lawyer", "UA", ["UA-43"], ["crh", "ru", "uk"], "crimean-witness",
     "Defends Crimean Tatar activists; reach through the group only.")
ally("taras-h", "Taras H.", "doctor", "UA", ["UA-30", "UA-32"], ["uk", "en"], "podil-medics",
     "Trauma surgeon.")
ally("iryna-z", "Iryna Z.", "psychiatrist", "UA", ["UA-46"], ["uk", "ru", "en"], "lychakiv-trauma",
     "PTSD after captivity.")
ally("maksym-v", "Maksym V.", "psychologist", "UA", ["UA-12"], ["uk", "ru"], "dnipro-frontline",
     "Works with documenters in Dnipro.")
ally("olena-r", "Olena R.", "social_worker", "UA", ["UA-63"], ["uk", "ru"], "dnipro-frontline",
     "Kharkiv; evacuation of families.")
ally("dmytro-l", "Dmytro L.", "journalist", "UA", ["UA-30"], ["uk", "en"], "independent-voices",
     "Can publish quickly when publicity helps.")
ally("kateryna-b", "Kateryna B.", "digital_security_specialist", "UA", ["UA-30"], ["uk", "ru", "en"], "open-shield",
     "Helpline staff based in Kyiv.")


def main():
    directory = {"organizations": organizations, "services": services, "allies": allies}
    out = Path(__file__).with_name("directory.json")
    out.write_text(json.dumps(directory, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{out}: {len(organizations)} organizations, {len(services)} services, {len(allies)} allies")


if __name__ == "__main__":
    main()
