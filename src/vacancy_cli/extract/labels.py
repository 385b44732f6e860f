"""Header labels per field, in English, French and German (regex fragments, case-insensitive)."""

from __future__ import annotations

LABELS: dict[str, str] = {
    "reference": (
        r"ref(?:erence)?\.?(?:\s+(?:no|number|n°|nr)\.?)?|vacancy\s+notice\s+(?:no|number|n°)\.?|notice\s+(?:no|number)\.?"
        r"|job\s+(?:no|number|id|reference)\.?|post\s+identification|réf(?:érence)?\.?|referenz(?:nummer)?"
        r"|avis\s+de\s+vacance\s+n°|numéro\s+de\s+l'avis|call\s+reference|selection\s+(?:procedure\s+)?reference"
    ),
    "sysper": r"post\s+number\s+in\s+sysper|sysper\s+post\s+(?:no|number)\.?|sysper\s+(?:no|number)\.?|post\s+number",
    "dg": (
        r"dg\s*[–-]\s*directorate\s*[–-]\s*unit|directorate[- ]general(?:\s*/\s*service)?|dg(?:\s*/\s*service)?"
        r"|direction\s+générale|generaldirektion|service|department|entity"
    ),
    "unit": r"unit|division|sector|service/unit|unité|referat|abteilung|directorate\s*/\s*unit|directorate",
    "job_title": (
        r"job\s+title|post\s+title|title\s+of\s+(?:the\s+)?(?:post|position|job)|position\s+title|title|position"
        r"|job\s+profile|post|intitulé\s+du\s+poste|titre\s+du\s+poste|intitulé|poste|stellenbezeichnung|funktion|dienstposten"
    ),
    "contract": (
        r"type\s+of\s+contract|contract\s+type|type\s+of\s+(?:post|employment)|contract|employment\s+status|staff\s+category"
        r"|type\s+de\s+contrat|type\s+d'emploi|statut|vertragsart|art\s+des\s+vertrags|vertragsform|beschäftigungsverhältnis"
    ),
    "secondment": r"type\s+of\s+secondment|specificities|secondment|type\s+de\s+détachement|art\s+der\s+abordnung",
    "function_group": (
        r"function\s+group(?:\s*(?:/|and|&)\s*grade)?|grade\s*/\s*function\s+group|category(?:\s+and\s+grade)?|grade|fg"
        r"|groupe\s+de\s+fonctions(?:\s+et\s+grade)?|grade|funktionsgruppe(?:\s+und\s+besoldungsgruppe)?|besoldungsgruppe"
        r"|category\s+and\s+grade|catégorie|kategorie"
    ),
    "deadline": (
        r"deadline(?:\s+for\s+(?:applications?|application\s+submission|submission(?:\s+of\s+applications)?"
        r"|expressing\s+interest|expressions?\s+of\s+interest|registration))?|application\s+deadline"
        r"|closing\s+date(?:\s+for\s+(?:applications?|registration|submission(?:\s+of\s+applications)?))?"
        r"|express\s+your\s+interest\s+(?:until|by|before)|latest\s+application\s+date|apply\s+(?:by|before|until)"
        r"|applications?\s+(?:must\s+be\s+(?:sent|submitted|received)\s+)?(?:by|until|before)|submission\s+deadline"
        r"|date\s+limite(?:\s+(?:de|d'|des)\s*[\w'’ ]{0,40}?)?|délai\s+de\s+candidature|date\s+de\s+clôture"
        r"|bewerbungsfrist|bewerbungsschluss|einsendeschluss|frist\s+für\s+(?:die\s+)?bewerbung(?:en)?|schlusstermin"
    ),
    "place": (
        r"place\s+of\s+(?:employment|work|secondment|assignment)|location|duty\s+station|place|where|based\s+in"
        r"|lieu\s+(?:d'affectation|de\s+travail|d'emploi|de\s+détachement)|lieu|dienstort|einsatzort|arbeitsort|ort"
    ),
    "posts": (
        r"number\s+of\s+(?:available\s+)?(?:posts?|positions?|vacancies)|posts?\s+available|nombre\s+de\s+postes"
        r"|anzahl\s+der\s+(?:stellen|planstellen)"
    ),
}

# Labels that end a value run into the next label (`COM/2026/20118Deadline for applications: ...`).
ALL_LABELS: list[str] = [
    r"job\s+title",
    r"post\s+title",
    r"reference",
    r"ref\.",
    r"deadline(?:\s+for\s+\w+(?:\s+\w+)?)?",
    r"closing\s+date(?:\s+for\s+\w+)?",
    r"place\s+of\s+(?:employment|work|secondment)",
    r"location",
    r"function\s+group(?:\s*(?:/|and)\s*grade)?",
    r"grade",
    r"type\s+of\s+contract",
    r"contract\s+type",
    r"directorate[- ]general",
    r"directorate",
    r"unit",
    r"domain",
    r"where",
    r"number\s+of\s+(?:available\s+)?posts",
    r"head\s+of\s+unit",
    r"contact(?:\s+person)?",
    r"suggested\s+taking\s+up\s+duty",
    r"category",
    r"specificities",
    r"type\s+of\s+secondment",
    r"date\s+limite(?:\s+de\s+candidature)?",
    r"lieu\s+d'affectation",
    r"type\s+de\s+contrat",
    r"groupe\s+de\s+fonctions",
    r"bewerbungsfrist",
    r"dienstort",
    r"funktionsgruppe",
    r"vertragsart",
    r"express\s+your\s+interest(?:\s+until|\s+by|\s+before)?",
    r"latest\s+application\s+date",
    r"post\s+number(?:\s+in\s+sysper)?",
    r"place\s+of\s+secondment",
    r"initial\s+duration",
    r"(?:provisional\s+)?starting\s+date",
    r"contract\s+duration",
    r"reporting\s+to",
    r"title\s+of\s+the\s+post",
]
