// The relevance suite's queries (issue 5): what a reader types over relevance-corpus.ts, with the notes they expect.
import type { LicenceId } from '../../domain/licences.ts';

export type RelevanceQuery = {
	/** What the query exercises, for the table. */
	kind: string;
	q: string;
	/** Filters, by the corpus' keys for notebooks. */
	filters?: { type?: 'general' | 'term' | 'organization'; lang?: 'fr' | 'en'; licence?: LicenceId; notebook?: string };
	/**
	 * The notes expected in the top 5, in any order. The query's rank is 1 + the unexpected results ranked above the
	 * last of them: two expected notes in places 1 and 2 rank first.
	 */
	expect: string[];
	/** Notes that must not appear at all (an excluded word, a private draft). */
	absent?: string[];
};

export const RELEVANCE_QUERIES: readonly RelevanceQuery[] = [
	// Accents and case aside.
	{ kind: 'sans accents', q: 'soutenabilite des plateformes', expect: ['soutenabilite-plateformes'] },
	{ kind: 'sans accents', q: 'evaluation participative', expect: ['evaluation-participative'] },
	{ kind: 'sans accents', q: 'communaute de pratique', expect: ['cop-term'] },
	{ kind: 'sans accents', q: 'reconnaissance des benevoles', expect: ['benevoles-reconnaissance'] },
	{ kind: 'sans accents', q: 'economie sociale', expect: ['economie-sociale-term', 'economie-sociale-quebec'] },
	{ kind: 'sans accents', q: 'reglements generaux', expect: ['reglements-generaux'] },
	{ kind: 'majuscules', q: 'TIERS-LIEU', expect: ['tiers-lieu'] },
	{ kind: 'sans trait d’union', q: 'tiers lieu', expect: ['tiers-lieu'] },
	// French forms of a word: plural, verb, adjective.
	{ kind: 'pluriel', q: 'plateforme coopérative', expect: ['plateformes-cooperatives'] },
	{ kind: 'pluriel', q: 'tiers-lieux', expect: ['tiers-lieu'] },
	{ kind: 'pluriel', q: 'les conflits entre bénévoles', expect: ['conflits'] },
	{ kind: 'forme verbale', q: 'financer la mission', expect: ['financement-mission-term'] },
	{ kind: 'forme verbale', q: 'animer des rencontres', expect: ['rencontre-animation'] },
	{ kind: 'forme verbale', q: 'mobiliser les citoyens', expect: ['mobilisation-citoyenne'] },
	{ kind: 'forme verbale', q: 'gouverner', expect: ['gouvernance-partagee'], absent: ['prive-gouvernance'] },
	// English forms, stemmed as English.
	{ kind: 'anglais, flexion', q: 'funding applications', expect: ['funding-applications-en'] },
	{ kind: 'anglais, flexion', q: 'organize online meetings', expect: ['organizing-meetings-en'] },
	{ kind: 'anglais, flexion', q: 'data policies', expect: ['data-policy-en'] },
	{ kind: 'anglais, flexion', q: 'communities of practice', expect: ['cop-primer-en'] },
	{ kind: 'anglais, flexion', q: 'governance', expect: ['shared-governance-en', 'digital-commons-en'] },
	{ kind: 'anglais, flexion', q: 'engaging volunteers', expect: ['volunteer-retention-en'] },
	// Typos in a title.
	{ kind: 'faute de frappe', q: 'sociocratei', expect: ['sociocratie-term'] },
	{ kind: 'faute de frappe', q: 'gouvernace partagée', expect: ['gouvernance-partagee'], absent: ['prive-gouvernance'] },
	{ kind: 'faute de frappe', q: 'mobilisaton citoyenne', expect: ['mobilisation-citoyenne'] },
	{ kind: 'faute de frappe', q: 'codévelopement', expect: ['codeveloppement-term'] },
	{ kind: 'faute de frappe', q: 'sustainabilty', expect: ['platform-sustainability-en'] },
	// A term's synonyms and definition find the term.
	{ kind: 'synonyme', q: 'espace collaboratif', expect: ['tiers-lieu'] },
	{ kind: 'synonyme', q: 'OSBL', expect: ['obnl-term'] },
	{ kind: 'synonyme', q: 'third place', expect: ['tiers-lieu'] },
	{ kind: 'synonyme', q: 'core funding', expect: ['financement-mission-term'] },
	{ kind: 'synonyme', q: 'financement participatif', expect: ['sociofinancement-term'] },
	{ kind: 'synonyme', q: 'focus group', expect: ['groupe-discussion-term'] },
	{ kind: 'synonyme', q: 'empowerment', expect: ['empowerment-term'] },
	{ kind: 'synonyme', q: 'repair café', expect: ['cafe-reparation-term', 'repair-cafe-en'] },
	{ kind: 'définition', q: 'protéger une terre de la spéculation', expect: ['fiducie-term'] },
	// Web search syntax: a quoted phrase, -exclusion, OR.
	{ kind: 'expression', q: '"plan d’action"', expect: ['plan-action'], absent: ['plan-distracteur'] },
	{ kind: 'expression', q: '"theory of change"', expect: ['theory-of-change-en'], absent: ['change-management-en'] },
	{
		kind: 'exclusion',
		q: 'programme de financement -fédéral',
		expect: ['programme-provincial'],
		absent: ['programme-federal', 'prive-financement']
	},
	{ kind: 'exclusion', q: 'grants -foundation', expect: ['government-grants-en'], absent: ['foundation-grants-en'] },
	{ kind: 'exclusion', q: 'infolettre -forum', expect: ['infolettre'], absent: ['communication-membres'] },
	{ kind: 'OU', q: 'sociocratie OR consentement', expect: ['sociocratie-term', 'consentement'] },
	{ kind: 'OU', q: 'wiki OR forum', filters: { lang: 'en' }, expect: ['wiki-en', 'forum-en'] },
	// A word in the title outranks the same word in bodies.
	{ kind: 'titre avant corps', q: 'charte', expect: ['charte'] },
	{ kind: 'titre avant corps', q: 'infolettre', expect: ['infolettre'] },
	{ kind: 'titre avant corps', q: 'onboarding', expect: ['onboarding-en'] },
	{ kind: 'titre avant corps', q: 'sondage', expect: ['sondage'] },
	// Organisations by region and sector; apostrophes; a rare word; a question.
	{ kind: 'organisation', q: 'Saguenay', expect: ['org-saguenay'] },
	{ kind: 'organisation', q: 'économie sociale Mauricie', expect: ['org-mauricie'] },
	{ kind: 'organisation', q: 'jardins collectifs', expect: ['org-laurentides'] },
	{ kind: 'élision', q: 'l’économie sociale au Québec', expect: ['economie-sociale-quebec'] },
	{ kind: 'mot rare', q: 'presbytère', expect: ['org-bas-st-laurent'] },
	{ kind: 'question', q: 'combien coûte l’hébergement', expect: ['couts-hebergement'] },
	// Filters narrow to what the words alone would rank lower.
	{
		kind: 'filtre carnet',
		q: 'bilan annuel',
		filters: { notebook: 'evaluer' },
		expect: ['bilan-annuel-evaluer'],
		absent: ['bilan-annuel-ca']
	},
	{
		kind: 'filtre licence',
		q: 'données ouvertes',
		filters: { licence: 'CC0-1.0' },
		expect: ['donnees-ouvertes-cc0'],
		absent: ['donnees-ouvertes']
	},
	{ kind: 'filtre type', q: 'communs', filters: { type: 'term' }, expect: ['communs-numeriques-term'] },
	{ kind: 'filtre langue', q: 'évaluation participative', filters: { lang: 'en' }, expect: ['participatory-evaluation-en'] }
];
