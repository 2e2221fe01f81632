// The relevance suite's corpus (issue 5): short notes, in French and in English, such as Quebec community
// organisations write when they document their practice (the queries over them are in relevance-queries.ts).
// relevance.test.ts writes them through the app's own use cases and measures success at 5 and the mean reciprocal
// rank. Each query's expected notes are the ones a person would want first; the other notes on the same subject
// (a word in the body, a neighbouring theme, a private draft) are the competition. Keys name notes and notebooks
// here; the test maps them to ids.
import type { LicenceId } from '../../domain/licences.ts';

export type RelevanceNotebook = { key: string; title: string; description: string };

export type RelevanceNote = {
	key: string;
	lang: 'fr' | 'en';
	type?: 'general' | 'term' | 'organization';
	title: string;
	summary?: string;
	body: string;
	licence?: LicenceId;
	termDefinition?: string;
	termSynonyms?: string[];
	orgRegion?: string;
	orgSector?: string;
	orgWebsite?: string;
	notebooks?: string[];
	/** A private draft of its author: search must never show it to the anonymous reader the suite searches as. */
	hidden?: true;
};

export const RELEVANCE_NOTEBOOKS: readonly RelevanceNotebook[] = [
	{
		key: 'financer',
		title: 'Financer la mission',
		description: 'Ce que les organismes ont appris en cherchant un financement stable pour leur mission.'
	},
	{
		key: 'communs',
		title: 'Communs numériques et plateformes',
		description: 'Outils, licences et modèles pour des plateformes qui appartiennent à leurs communautés.'
	},
	{
		key: 'animer',
		title: 'Animer une communauté de pratique',
		description: 'Fiches et retours d’expérience sur l’animation de réseaux de praticiennes et de praticiens.'
	},
	{
		key: 'evaluer',
		title: 'Évaluer autrement',
		description: 'Démarches d’évaluation participative et de bilan menées avec les personnes concernées.'
	}
];

export const RELEVANCE_NOTES: readonly RelevanceNote[] = [
	// ---- gouvernance ------------------------------------------------------------------------------------------------
	{
		key: 'gouvernance-partagee',
		lang: 'fr',
		title: 'Gouvernance partagée',
		summary: 'Répartir le pouvoir de décision entre les membres plutôt que de le concentrer au conseil.',
		body: `Dans une gouvernance partagée, les décisions se prennent là où se trouve l’information. Les cercles de travail reçoivent un mandat clair, une enveloppe et la liberté de trancher dans leur domaine. Le conseil d’administration garde la responsabilité légale, mais il délègue et fait confiance.

Le passage demande du temps : il faut clarifier les rôles, écrire les mandats et accepter des erreurs au début. Les organismes qui l’ont fait parlent d’une équipe plus engagée et de décisions moins lentes.`,
		notebooks: ['animer']
	},
	{
		key: 'ca-role',
		lang: 'fr',
		title: 'Le rôle du conseil d’administration dans un OBNL',
		body: `Le conseil d’administration veille à la mission, adopte le budget et embauche la direction. Il ne gère pas le quotidien. Les administratrices et administrateurs bénévoles engagent leur responsabilité : ils doivent recevoir l’information nécessaire à temps, lire les états financiers et poser des questions.

Une bonne pratique : un tableau de bord trimestriel de deux pages plutôt que des rapports de trente pages que personne ne lit.`
	},
	{
		key: 'ag-annuelle',
		lang: 'fr',
		title: 'Préparer l’assemblée générale annuelle',
		body: `L’assemblée générale annuelle est le moment où les membres reçoivent le rapport d’activités, adoptent les états financiers et élisent le conseil. L’avis de convocation part au moins dix jours avant, avec l’ordre du jour et les propositions de modification aux règlements généraux.

Prévoir un accueil, un goûter et une animation qui laisse la parole aux membres : une assemblée qui ne fait que lire des rapports décourage la participation l’année suivante.`
	},
	{
		key: 'consentement',
		lang: 'fr',
		title: 'Décider par consentement',
		body: `La décision par consentement ne cherche pas l’accord de tout le monde, mais l’absence d’objection raisonnable. Une proposition est présentée, on fait un tour de clarification, puis un tour de réactions, et enfin on demande : « Quelqu’un voit-il une raison pour laquelle cette proposition nuirait à notre mission? »

Une objection doit être argumentée et mène à bonifier la proposition. La méthode vient de la sociocratie et convient bien aux petites équipes de travail.`
	},
	{
		key: 'sociocratie-term',
		lang: 'fr',
		type: 'term',
		title: 'Sociocratie',
		body: `Mode de gouvernance né aux Pays-Bas qui organise une structure en cercles reliés par un double lien. Plusieurs coopératives québécoises s’en inspirent sans l’appliquer à la lettre.`,
		termDefinition:
			'Mode de gouvernance qui organise le travail en cercles semi-autonomes reliés par un double lien et qui décide par consentement.',
		termSynonyms: ['gouvernance sociocratique', 'sociocracy']
	},
	{
		key: 'charte',
		lang: 'fr',
		title: 'Rédiger une charte de collaboration',
		summary: 'Un document court qui dit comment on travaille ensemble, écrit par celles et ceux qui vont le vivre.',
		body: `Avant de lancer un projet entre plusieurs organismes, on gagne à écrire ensemble ce qui nous lie : les valeurs partagées, la façon de prendre les décisions, le partage du crédit et des données, la manière de régler un désaccord.

Le document tient en deux pages. Il se relit une fois par année et se modifie au besoin. Les partenaires le signent, mais c’est surtout la conversation qui mène à l’écrire qui compte.`,
		notebooks: ['animer']
	},
	{
		key: 'accueil-membres',
		lang: 'fr',
		title: 'Accueillir de nouveaux membres dans un réseau',
		body: `Un nouveau membre décide en quelques semaines s’il reste. On lui présente la charte du réseau, on lui propose une marraine ou un parrain et on l’invite à une première activité simple. La charte n’est pas un règlement à signer sans lire : on la parcourt ensemble, en expliquant pourquoi chaque engagement de la charte existe.

Trois mois plus tard, un appel rapide permet de savoir si la personne a trouvé sa place.`,
		notebooks: ['animer']
	},
	{
		key: 'code-conduite',
		lang: 'fr',
		title: 'Adopter un code de conduite pour les rencontres',
		body: `Un code de conduite précise les comportements attendus et ce qui se passe quand ils ne sont pas respectés. Il complète la charte du groupe, qui parle de valeurs, par des gestes concrets : laisser finir les autres, respecter la confidentialité, nommer une personne-ressource à qui signaler un malaise.

Le code de conduite s’affiche au début de chaque rencontre et dans l’espace en ligne du groupe.`
	},
	{
		key: 'conflits',
		lang: 'fr',
		title: 'Traverser un conflit dans une équipe de bénévoles',
		body: `Les conflits entre bénévoles naissent souvent d’attentes non dites. Une rencontre de médiation, animée par une personne neutre, permet à chacun de dire ce qui s’est passé pour lui. On cherche ensuite des accords précis, datés, que l’on revoit un mois plus tard.

Éviter de régler un conflit par courriel : le ton se perd et les positions se durcissent.`
	},
	{
		key: 'shared-governance-en',
		lang: 'en',
		title: 'Shared governance in small nonprofits',
		body: `Shared governance spreads decision-making across staff, volunteers and the board. Working circles get a written mandate and a budget, and they decide within it. The board keeps its legal duties but stops approving every purchase.

Small organisations that made the switch report faster decisions and more engaged volunteers, after a bumpy first year spent clarifying roles.`
	},
	{
		key: 'board-en',
		lang: 'en',
		title: 'What a nonprofit board should and should not do',
		body: `A board sets direction, approves the budget, hires and supports the executive director, and watches the organisation's financial health. It should not manage day-to-day operations. Directors need timely information: a two-page dashboard each quarter beats a thick binder nobody reads.`
	},
	{
		key: 'consent-decision-en',
		lang: 'en',
		title: 'Consent-based decision making',
		body: `Consent is not consensus. A proposal passes when no one has a reasoned objection that it would harm the mission. Rounds of clarifying questions and reactions come first; objections are then used to improve the proposal rather than to block it.`
	},

	// ---- financement --------------------------------------------------------------------------------------------
	{
		key: 'financement-mission-term',
		lang: 'fr',
		type: 'term',
		title: 'Financement à la mission',
		body: `Au Québec, le Programme de soutien aux organismes communautaires est l’exemple le plus connu de financement à la mission. Les organismes le réclament depuis longtemps parce qu’il permet de garder une équipe d’une année à l’autre.`,
		termDefinition:
			'Financement récurrent accordé pour l’ensemble des activités d’un organisme, et non pour un projet précis, qui lui laisse décider de l’usage des fonds.',
		termSynonyms: ['financement de base', 'soutien à la mission globale', 'core funding'],
		notebooks: ['financer']
	},
	{
		key: 'financement-projet',
		lang: 'fr',
		title: 'Les limites du financement par projet',
		body: `Le financement par projet oblige à inventer une nouveauté chaque année pour obtenir des fonds. Les activités qui fonctionnent, mais qui ne sont plus « nouvelles », perdent leur soutien. L’équipe passe une part croissante de son temps à rédiger des demandes et des redditions de comptes.

Les organismes qui s’en sortent le mieux combinent quelques projets avec une base de financement récurrent.`,
		notebooks: ['financer']
	},
	{
		key: 'programme-provincial',
		lang: 'fr',
		title: 'Programme de financement provincial : ce qu’il faut savoir',
		body: `Le programme de financement du ministère accepte les demandes deux fois par année. Il faut joindre les états financiers, le plan d’action de l’année et deux lettres d’appui de partenaires du milieu. Le montant maximal est de 50 000 $ par année, pour trois ans.

Conseil : appeler la conseillère du ministère avant de déposer, elle indique souvent ce qui manque au dossier.`,
		notebooks: ['financer']
	},
	{
		key: 'programme-federal',
		lang: 'fr',
		title: 'Programmes de financement fédéraux pour l’inclusion numérique',
		body: `Le gouvernement fédéral finance des projets d’inclusion numérique par des appels ponctuels. Les critères changent d’un appel à l’autre et les délais de réponse sont longs : compter six mois entre le dépôt et la signature de l’entente.

Ces programmes conviennent à un projet d’achat d’équipement ou de formation, rarement au fonctionnement.`,
		notebooks: ['financer']
	},
	{
		key: 'fondations',
		lang: 'fr',
		title: 'Approcher une fondation privée',
		body: `Les fondations privées financent de plus en plus des organismes sur plusieurs années. Avant d’écrire, lire leur rapport annuel et les projets soutenus récemment. Une première rencontre sert à faire connaissance, pas à demander de l’argent.

Une fondation apprécie qu’on lui parle franchement des difficultés : elle préfère un partenaire lucide à un dossier trop parfait.`,
		notebooks: ['financer']
	},
	{
		key: 'autofinancement',
		lang: 'fr',
		title: 'Autofinancement : vendre des services sans perdre sa mission',
		body: `Vendre des formations ou des services peut diversifier les revenus d’un organisme. Le risque : que l’activité rentable prenne toute la place et que la mission passe au second plan. Fixer dès le départ la part des revenus autonomes visée et les services qu’on refuse de vendre.

L’autofinancement finance rarement plus du tiers du budget d’un organisme communautaire.`,
		notebooks: ['financer']
	},
	{
		key: 'campagne-dons',
		lang: 'fr',
		title: 'Organiser une campagne de dons en ligne',
		body: `Une campagne de dons réussie raconte une histoire précise : qui sera aidé, comment, et ce que chaque montant permet. Fixer un objectif atteignable et montrer la progression. Remercier chaque donatrice et chaque donateur dans les 48 heures.

La plupart des dons arrivent dans les trois derniers jours : prévoir des relances et des témoignages pour la fin.`
	},
	{
		key: 'sociofinancement-term',
		lang: 'fr',
		type: 'term',
		title: 'Sociofinancement',
		body: `Le sociofinancement convient bien aux projets concrets et limités dans le temps, moins au fonctionnement d’un organisme.`,
		termDefinition: 'Collecte de petites contributions auprès d’un grand nombre de personnes, le plus souvent par une plateforme en ligne.',
		termSynonyms: ['financement participatif', 'crowdfunding']
	},
	{
		key: 'budget-previsionnel',
		lang: 'fr',
		title: 'Monter un budget prévisionnel réaliste',
		body: `Un budget prévisionnel part des dépenses réelles de l’année précédente. On y ajoute les hausses connues (salaires, loyer, assurances) et une réserve pour les imprévus. Les revenus incertains sont inscrits à part, avec la probabilité de les obtenir.

Le conseil d’administration adopte le budget avant le début de l’exercice, et non trois mois plus tard.`,
		notebooks: ['financer']
	},
	{
		key: 'reddition',
		lang: 'fr',
		title: 'Alléger la reddition de comptes',
		body: `Chaque bailleur de fonds demande ses propres indicateurs et son propre gabarit de rapport. Plusieurs regroupements négocient maintenant un rapport commun accepté par plusieurs bailleurs. En attendant, garder une banque de textes et de chiffres à jour fait gagner des jours chaque printemps.`,
		notebooks: ['financer']
	},
	{
		key: 'funding-applications-en',
		lang: 'en',
		title: 'Writing funding applications that get read',
		body: `Reviewers read dozens of applications. Lead with the change you want to see, name who benefits, and show a realistic budget. Attach letters of support from partners who actually know your work.

Call the program officer before applying: most will tell you whether your project fits and what is usually missing.`,
		notebooks: ['financer']
	},
	{
		key: 'government-grants-en',
		lang: 'en',
		title: 'Government grant reporting without the headache',
		body: `Government grant programs ask for narrative and financial reports on fixed dates. Keep a running file of outcomes, photos and quotes through the year so the report takes a day, not a week. Track eligible expenses by budget line from the start.`,
		notebooks: ['financer']
	},
	{
		key: 'foundation-grants-en',
		lang: 'en',
		title: 'Foundation grants: what funders look for',
		body: `Private foundations increasingly fund organisations for several years. Before asking for a grant, study which groups the foundation already supports and meet the staff without a request in hand. Foundations value honesty about difficulties more than a flawless proposal.`
	},
	{
		key: 'funded-projects-en',
		lang: 'en',
		title: 'How community projects get funded in Quebec',
		body: `Most community projects in Quebec are funded by a mix of provincial mission funding, municipal support, foundations and small donations. A project that depends on a single funder is fragile: when the program ends, the team leaves with it.`
	},

	// ---- soutenabilité des plateformes --------------------------------------------------------------------------
	{
		key: 'soutenabilite-plateformes',
		lang: 'fr',
		title: 'Soutenabilité des plateformes numériques communautaires',
		summary: 'Une plateforme dure quand son entretien est financé, documenté et porté par plus d’une personne.',
		body: `Beaucoup de plateformes communautaires naissent d’une subvention de projet et s’éteignent deux ans plus tard, faute de budget pour l’hébergement, les mises à jour de sécurité et l’accompagnement des utilisatrices et utilisateurs.

La soutenabilité se prépare dès le début : estimer le coût annuel d’entretien, choisir des logiciels libres maintenus par une communauté active, documenter l’installation et confier l’administration à au moins deux personnes.`,
		notebooks: ['communs']
	},
	{
		key: 'couts-hebergement',
		lang: 'fr',
		title: 'Combien coûte l’hébergement d’une plateforme?',
		body: `Pour un organisme de taille moyenne, l’hébergement d’un site et d’une plateforme collaborative coûte de 300 $ à 2 000 $ par année. Le vrai coût est ailleurs : les heures consacrées aux mises à jour, aux sauvegardes et au soutien des membres. Les compter dès le départ évite les mauvaises surprises.`,
		notebooks: ['communs']
	},
	{
		key: 'plateformes-cooperatives',
		lang: 'fr',
		title: 'Les plateformes coopératives',
		body: `Une plateforme coopérative appartient à celles et ceux qui l’utilisent ou y travaillent : livreurs, artistes, producteurs ou organismes membres. Les profits, s’il y en a, reviennent aux membres, et les décisions sur les règles de la plateforme se prennent en assemblée.

Au Québec, quelques coopératives de solidarité explorent ce modèle pour la vente de produits locaux et la réservation d’espaces.`,
		notebooks: ['communs']
	},
	{
		key: 'dependance-gafam',
		lang: 'fr',
		title: 'Réduire la dépendance aux grandes plateformes commerciales',
		body: `Un groupe Facebook est gratuit jusqu’au jour où l’algorithme cache les publications ou que le compte est suspendu. Les organismes qui dépendent d’un seul réseau social perdent le contact avec leurs membres du jour au lendemain.

Garder une liste d’envoi à soi, un site que l’on contrôle et des archives exportées régulièrement limite le risque.`
	},
	{
		key: 'maintenance-logiciel',
		lang: 'fr',
		title: 'Qui fait la maintenance du logiciel?',
		body: `Un logiciel non maintenu devient une faille de sécurité. Avant d’adopter un outil, vérifier la date de la dernière version, le nombre de personnes qui y contribuent et l’existence d’une entreprise ou d’une coopérative qui offre du soutien. Prévoir un budget annuel pour payer ce soutien.`,
		notebooks: ['communs']
	},
	{
		key: 'platform-sustainability-en',
		lang: 'en',
		title: 'Platform sustainability: beyond the grant cycle',
		body: `Community platforms often launch with project money and fade when it runs out. Plan for upkeep from day one: budget hosting, security updates and user support; prefer free software with an active community; document how to reinstall everything; and never rely on a single administrator.`,
		notebooks: ['communs']
	},
	{
		key: 'hosting-costs-en',
		lang: 'en',
		title: 'Hosting costs for small organisations',
		body: `Hosting a website and a collaboration tool costs a few hundred dollars a year. Staff time for updates, backups and helping members costs far more, and it is the line that budgets forget.`
	},
	{
		key: 'platform-coops-en',
		lang: 'en',
		title: 'Platform cooperatives explained',
		body: `A platform cooperative is owned and governed by the people who depend on it: workers, producers or member organisations. Instead of extracting value for investors, it returns surpluses to members and lets them vote on the rules of the platform.`
	},

	// ---- communs numériques -------------------------------------------------------------------------------------
	{
		key: 'communs-numeriques-term',
		lang: 'fr',
		type: 'term',
		title: 'Communs numériques',
		body: `Wikipédia, OpenStreetMap et les logiciels libres sont les exemples les plus cités. Plusieurs organismes québécois versent leurs guides et leurs données dans ces communs plutôt que de les garder sur leur site.`,
		termDefinition:
			'Ressources numériques produites et entretenues collectivement par une communauté qui en fixe les règles d’usage et de partage.',
		termSynonyms: ['biens communs numériques', 'digital commons'],
		notebooks: ['communs']
	},
	{
		key: 'licences-libres',
		lang: 'fr',
		title: 'Choisir une licence libre pour ses contenus',
		body: `Les licences Creative Commons permettent de dire d’avance ce que d’autres peuvent faire avec un guide ou une fiche. CC BY demande seulement de citer la source; CC BY-SA exige en plus que les adaptations restent sous la même licence. La clause « pas d’utilisation commerciale » complique souvent la réutilisation par d’autres organismes qui vendent des formations.`,
		notebooks: ['communs']
	},
	{
		key: 'donnees-ouvertes',
		lang: 'fr',
		title: 'Publier des données ouvertes sur son territoire',
		body: `Les données ouvertes d’un organisme (répertoire de ressources, horaires, points de service) sont utiles à d’autres si elles sont publiées dans un format simple, avec une licence claire et une date de mise à jour. Un fichier tableur bien tenu vaut mieux qu’une carte interactive abandonnée.`,
		notebooks: ['communs']
	},
	{
		key: 'donnees-ouvertes-cc0',
		lang: 'fr',
		title: 'Répertoire des ressources en sécurité alimentaire',
		body: `Ce répertoire liste les comptoirs alimentaires, cuisines collectives et jardins communautaires de la région, avec leurs heures d’ouverture. Il est versé dans le domaine public pour que les municipalités et les autres organismes puissent réutiliser ces données ouvertes sans condition.`,
		licence: 'CC0-1.0'
	},
	{
		key: 'logiciel-libre',
		lang: 'fr',
		title: 'Pourquoi les organismes adoptent le logiciel libre',
		body: `Le logiciel libre n’est pas toujours gratuit, mais il ne tient pas l’organisme en otage : on peut changer d’hébergeur, adapter l’outil ou payer quelqu’un pour l’améliorer. Les économies de licences servent souvent à payer de la formation et du soutien.`,
		notebooks: ['communs']
	},
	{
		key: 'wikipedia-atelier',
		lang: 'fr',
		title: 'Atelier de contribution à Wikipédia pour les organismes',
		body: `Un atelier d’une demi-journée suffit pour apprendre à améliorer l’article sur son quartier ou sur l’histoire de son organisme. On y apprend les règles de neutralité, l’importance des sources publiées et la façon de déclarer un conflit d’intérêts.`
	},
	{
		key: 'digital-commons-en',
		lang: 'en',
		title: 'Governing digital commons',
		body: `Digital commons such as Wikipedia or OpenStreetMap survive because their communities agreed on rules: who may edit, how disputes are settled, how newcomers learn. Governance is the hidden infrastructure of every commons.`,
		notebooks: ['communs']
	},
	{
		key: 'open-licences-en',
		lang: 'en',
		title: 'Choosing an open licence for guides and toolkits',
		body: `Creative Commons licences tell others in advance what they may do with your guide. CC BY only asks for credit; CC BY-SA also requires adaptations to stay under the same terms. A non-commercial clause often blocks reuse by other nonprofits that charge for training.`
	},
	{
		key: 'open-data-en',
		lang: 'en',
		title: 'Open data for community services',
		body: `A list of local services published as open data helps libraries, cities and other groups keep their own directories current. Publish a simple spreadsheet with a clear licence and an update date; keep it current rather than building a map nobody maintains.`
	},

	// ---- évaluation ---------------------------------------------------------------------------------------------
	{
		key: 'evaluation-participative',
		lang: 'fr',
		title: 'Évaluation participative : une démarche en cinq étapes',
		summary: 'Évaluer avec les personnes concernées plutôt que sur elles.',
		body: `L’évaluation participative associe les participantes et participants à chaque étape : choisir les questions, recueillir l’information, interpréter les résultats et décider des suites. Elle prend plus de temps qu’un sondage, mais les constats sont compris et repris par l’équipe.

Les cinq étapes : définir ce qu’on veut apprendre, choisir des indicateurs simples, recueillir, analyser ensemble, partager et ajuster.`,
		notebooks: ['evaluer']
	},
	{
		key: 'impact-social',
		lang: 'fr',
		title: 'Mesurer l’impact social sans s’épuiser',
		body: `Mesurer l’impact social ne veut pas dire tout compter. Choisir trois ou quatre changements qui comptent vraiment pour les personnes et les suivre dans le temps. Les récits recueillis auprès des participantes complètent bien les chiffres.`,
		notebooks: ['evaluer']
	},
	{
		key: 'theorie-changement',
		lang: 'fr',
		title: 'Construire une théorie du changement',
		body: `Une théorie du changement relie les activités d’un organisme aux changements qu’il espère voir, en nommant les hypothèses entre les deux. On la dessine en groupe, de droite à gauche : partir du changement souhaité à long terme et remonter vers les actions.`,
		notebooks: ['evaluer']
	},
	{
		key: 'indicateurs',
		lang: 'fr',
		title: 'Choisir des indicateurs qui ont du sens',
		body: `Un bon indicateur se mesure sans effort démesuré et dit quelque chose d’utile à l’équipe. Le nombre de présences ne dit rien de la qualité d’une activité; la proportion de personnes qui reviennent en dit davantage.`,
		notebooks: ['evaluer']
	},
	{
		key: 'bilan-annuel-evaluer',
		lang: 'fr',
		title: 'Retour sur l’année avec les participantes',
		body: `Chaque juin, nous faisons le bilan annuel avec les participantes plutôt qu’entre membres de l’équipe. Une activité de type « ligne du temps » permet de se rappeler l’année; on note ensuite ce qu’il faut garder, arrêter et essayer.`,
		notebooks: ['evaluer']
	},
	{
		key: 'bilan-annuel-ca',
		lang: 'fr',
		title: 'Bilan annuel du conseil d’administration',
		body: `Le bilan annuel du conseil d’administration fait le point sur les décisions de l’année, l’assiduité et les dossiers à transmettre à la prochaine équipe. Il est présenté à l’assemblée générale avec le rapport d’activités.`
	},
	{
		key: 'sondage',
		lang: 'fr',
		title: 'Réussir un sondage auprès des membres',
		body: `Un sondage court obtient plus de réponses : dix questions au maximum, dont deux ouvertes. Tester le questionnaire auprès de trois personnes avant l’envoi. Partager les résultats avec les répondantes et répondants, sinon le prochain sondage restera sans réponse.`
	},
	{
		key: 'evaluation-formative',
		lang: 'fr',
		title: 'Évaluer un projet pendant qu’il se déroule',
		body: `L’évaluation formative se fait en cours de route pour ajuster le projet plutôt que pour juger le résultat à la fin. Des rencontres de réflexion de trente minutes toutes les six semaines suffisent souvent.`,
		notebooks: ['evaluer']
	},
	{
		key: 'participatory-evaluation-en',
		lang: 'en',
		title: 'Participatory evaluation in practice',
		body: `Participatory evaluation involves the people a program serves in choosing the questions, collecting data and interpreting results. It takes longer than a survey, but findings are owned by the team and actually used.`,
		notebooks: ['evaluer']
	},
	{
		key: 'theory-of-change-en',
		lang: 'en',
		title: 'Writing a theory of change',
		body: `A theory of change links what an organisation does to the long-term change it hopes for and names the assumptions in between. Draw it as a group, working backwards from the desired outcome.`,
		notebooks: ['evaluer']
	},
	{
		key: 'change-management-en',
		lang: 'en',
		title: 'Managing change in a volunteer team',
		body: `Change is hard for volunteers who built the current way of working. Explain why the change matters, involve the people affected early, and keep a theory or two about what might go wrong: the first months will test them.`
	},
	{
		key: 'surveys-en',
		lang: 'en',
		title: 'Member surveys that people answer',
		body: `Keep the survey short, test it on three people, and share the results with everyone who answered. An evaluation survey nobody hears back from kills the response rate of the next one.`
	},
	{
		key: 'evaluation-without-survey-en',
		lang: 'en',
		title: 'Evaluation through stories',
		body: `Not every evaluation needs numbers. Collecting short stories of change from participants, then discussing which ones matter most, shows what a program does in people's lives. The method is known as the most significant change technique.`,
		notebooks: ['evaluer']
	},

	// ---- communautés de pratique et animation ---------------------------------------------------------------------
	{
		key: 'cop-term',
		lang: 'fr',
		type: 'term',
		title: 'Communauté de pratique',
		body: `Le terme vient des travaux d’Etienne Wenger. Au Québec, on en trouve dans les réseaux de la santé, de l’éducation et du développement des communautés.`,
		termDefinition:
			'Groupe de personnes qui partagent un métier ou une préoccupation et qui apprennent ensemble en échangeant régulièrement sur leur pratique.',
		termSynonyms: ['CoP', 'réseau d’apprentissage entre pairs', 'community of practice'],
		notebooks: ['animer']
	},
	{
		key: 'cop-quebec',
		lang: 'fr',
		title: 'Les communautés de pratique en développement des communautés',
		body: `Les agentes et agents de développement des communautés se réunissent en communautés de pratique régionales. Elles et ils y comparent leurs démarches de concertation, partagent des outils et se soutiennent dans un métier souvent solitaire. Les rencontres alternent entre études de cas et visites de projets.`,
		notebooks: ['animer']
	},
	{
		key: 'animateur-role',
		lang: 'fr',
		title: 'Le rôle de l’animatrice ou de l’animateur de communauté',
		body: `L’animatrice tient le fil : elle relance les échanges, accueille les nouvelles personnes, fait des synthèses et repère les sujets qui suscitent de l’intérêt. Une animation efficace se fait en partie en coulisses, par des appels et des messages personnels.`,
		notebooks: ['animer']
	},
	{
		key: 'rencontre-animation',
		lang: 'fr',
		title: 'Animation d’une rencontre d’échange de pratiques',
		body: `Une rencontre d’échange de pratiques dure deux heures : un tour de table court, une situation présentée par une participante, des questions de clarification, puis une discussion sur ce que chacun ferait. On termine en nommant ce qu’on retient pour sa propre pratique.`,
		notebooks: ['animer']
	},
	{
		key: 'rencontre-virtuelle',
		lang: 'fr',
		title: 'Rencontres virtuelles : garder l’énergie',
		body: `En visioconférence, l’attention baisse après une heure. Prévoir des sous-groupes, un support visuel partagé et des pauses. Envoyer un compte rendu court le jour même. Les caméras restent facultatives : certaines personnes participent mieux sans.`,
		notebooks: ['animer']
	},
	{
		key: 'infolettre',
		lang: 'fr',
		title: 'Infolettre mensuelle : bonnes pratiques',
		body: `Une infolettre lue est une infolettre courte, qui arrive à date fixe et qui met en valeur les membres plutôt que l’organisme. Trois nouvelles, un outil, une date à retenir.`,
		notebooks: ['animer']
	},
	{
		key: 'communication-membres',
		lang: 'fr',
		title: 'Garder le contact avec les membres entre les rencontres',
		body: `Entre deux rencontres, un réseau vit par ses échanges écrits. Nous avons essayé le groupe de discussion, le forum et l’infolettre : c’est l’infolettre, envoyée aux deux semaines, qui a le mieux fonctionné, parce que les membres la lisent sans devoir se connecter ailleurs. Nous y ajoutons un lien vers l’infolettre précédente pour les nouvelles personnes.`
	},
	{
		key: 'documentation-pratiques',
		lang: 'fr',
		title: 'Documenter ses pratiques pour les transmettre',
		body: `Quand une intervenante d’expérience quitte l’organisme, une partie de son savoir s’en va. Documenter les pratiques, c’est écrire, au fil du travail, des fiches courtes : le contexte, ce qu’on a fait, ce qui a marché, ce qu’on ferait autrement. Une infolettre interne peut annoncer les nouvelles fiches.`
	},
	{
		key: 'mobilisation-citoyenne',
		lang: 'fr',
		title: 'Mobilisation citoyenne en région',
		body: `Mobiliser la population d’un petit village demande de passer par les lieux où les gens se rencontrent déjà : l’épicerie, l’école, le club de l’âge d’or. Une soirée d’information bien annoncée attire plus de monde qu’une consultation en ligne.`
	},
	{
		key: 'mobiliser-jeunes',
		lang: 'fr',
		title: 'Rejoindre les jeunes adultes',
		body: `Les jeunes adultes s’engagent pour des actions concrètes et courtes plutôt que pour un siège au conseil. Leur proposer un rôle précis, un horaire souple et une reconnaissance publique de leur contribution favorise la mobilisation.`
	},
	{
		key: 'benevoles-reconnaissance',
		lang: 'fr',
		title: 'Reconnaître l’engagement des bénévoles',
		body: `La reconnaissance des bénévoles ne se limite pas au souper annuel. Un merci personnalisé, une lettre de référence pour un emploi, une formation offerte ou une place dans les décisions disent mieux qu’on tient à eux. Les bénévoles qui se sentent utiles restent plus longtemps.`
	},
	{
		key: 'forum',
		lang: 'fr',
		title: 'Faire vivre un forum de discussion',
		body: `Un forum vide décourage. Au lancement, l’équipe publie des questions et sollicite personnellement des membres pour y répondre. Un forum de discussion vit quand les membres y trouvent des réponses qu’ils ne trouvent nulle part ailleurs.`
	},
	{
		key: 'wiki',
		lang: 'fr',
		title: 'Un wiki pour la mémoire du réseau',
		body: `Le wiki du réseau rassemble les procédures, les contacts et les comptes rendus. Chaque membre peut le modifier; une personne par trimestre en fait le ménage. Sans ce rôle, le wiki se remplit de pages périmées.`
	},
	{
		key: 'cop-primer-en',
		lang: 'en',
		title: 'Communities of practice: a primer',
		body: `A community of practice is a group of people who share a craft and learn from each other by meeting regularly. It has a domain, a community and a shared practice. Facilitators keep it alive by connecting people and bringing in real cases.`,
		notebooks: ['animer']
	},
	{
		key: 'organizing-meetings-en',
		lang: 'en',
		title: 'Organizing online meetings people want to attend',
		body: `Short agendas, breakout rooms and a shared document keep online meetings lively. Send the notes the same day. Cameras are optional; some people participate better without them.`,
		notebooks: ['animer']
	},
	{
		key: 'onboarding-en',
		lang: 'en',
		title: 'Onboarding new members',
		body: `New members decide within weeks whether to stay. Pair them with a buddy, invite them to one simple activity, and call them after three months to ask how it is going.`,
		notebooks: ['animer']
	},
	{
		key: 'volunteer-retention-en',
		lang: 'en',
		title: 'Keeping volunteers engaged',
		body: `Volunteer retention starts with onboarding: people who get a clear first task and a friendly contact stay longer. Good onboarding also explains why the work matters. Revisit onboarding every year, because the volunteers of today are not those of five years ago.`
	},
	{
		key: 'newsletter-en',
		lang: 'en',
		title: 'A monthly newsletter members actually read',
		body: `Keep it short and regular: three stories, one tool and one date. Feature members rather than the organisation, and link to the archive so newcomers can catch up. The onboarding email should point to the newsletter too.`
	},
	{
		key: 'facilitator-en',
		lang: 'en',
		title: 'The facilitator’s role in a network',
		body: `Facilitators welcome newcomers, summarise discussions, notice topics that spark interest and nudge quiet members. Much of the work happens behind the scenes, through personal messages and calls.`,
		notebooks: ['animer']
	},
	{
		key: 'wiki-en',
		lang: 'en',
		title: 'Choosing a wiki for your network',
		body: `A wiki keeps procedures, contacts and meeting notes in one place that every member can edit. Pick one that exports its content, and name someone to tidy it every quarter.`
	},
	{
		key: 'forum-en',
		lang: 'en',
		title: 'Keeping a discussion forum alive',
		body: `An empty forum drives people away. At launch, staff post questions and personally ask members to answer. A forum thrives when it holds answers people cannot find anywhere else.`
	},

	// ---- lexique ------------------------------------------------------------------------------------------------
	{
		key: 'tiers-lieu',
		lang: 'fr',
		type: 'term',
		title: 'Tiers-lieu',
		body: `Les tiers-lieux se multiplient dans les municipalités rurales, souvent dans une ancienne église, une école fermée ou une caisse populaire. Ils accueillent du travail partagé, un café, des ateliers de réparation et les rencontres des organismes du milieu.`,
		termDefinition:
			'Lieu ouvert, ni domicile ni travail, où des personnes se rencontrent, travaillent et créent ensemble, souvent géré par une communauté.',
		termSynonyms: ['espace collaboratif', 'lieu hybride', 'third place']
	},
	{
		key: 'obnl-term',
		lang: 'fr',
		type: 'term',
		title: 'Organisme à but non lucratif (OBNL)',
		body: `Au Québec, un OBNL se constitue en vertu de la partie III de la Loi sur les compagnies. Le statut d’organisme de bienfaisance enregistré, qui permet de remettre des reçus pour dons, se demande séparément.`,
		termDefinition:
			'Personne morale qui poursuit une mission sociale, culturelle ou communautaire sans distribuer de bénéfices à ses membres.',
		termSynonyms: ['OSBL', 'organisme sans but lucratif', 'nonprofit']
	},
	{
		key: 'coop-solidarite',
		lang: 'fr',
		type: 'term',
		title: 'Coopérative de solidarité',
		body: `La coopérative de solidarité est populaire pour les épiceries de village, les services à domicile et les projets culturels.`,
		termDefinition:
			'Coopérative qui réunit plusieurs catégories de membres (utilisateurs, travailleurs et membres de soutien) autour d’un même projet.',
		termSynonyms: ['coop de solidarité', 'multi-stakeholder cooperative']
	},
	{
		key: 'economie-sociale-term',
		lang: 'fr',
		type: 'term',
		title: 'Économie sociale',
		body: `La Loi sur l’économie sociale, adoptée en 2013, reconnaît les coopératives, les mutuelles et les OBNL qui vendent des biens ou des services.`,
		termDefinition:
			'Ensemble des entreprises qui produisent des biens et des services dans le but de répondre aux besoins de leurs membres ou de la collectivité, avec une gouvernance démocratique.',
		termSynonyms: ['entreprise collective', 'social economy']
	},
	{
		key: 'fiducie-term',
		lang: 'fr',
		type: 'term',
		title: 'Fiducie d’utilité sociale',
		body: `Plusieurs projets d’habitation communautaire et de terres agricoles utilisent ce véhicule juridique prévu par le Code civil du Québec.`,
		termDefinition:
			'Patrimoine affecté de façon durable à une fin d’utilité sociale, qui protège un immeuble ou une terre de la spéculation immobilière.',
		termSynonyms: ['FUS']
	},
	{
		key: 'concertation-term',
		lang: 'fr',
		type: 'term',
		title: 'Table de concertation',
		body: `Chaque MRC compte plusieurs tables de concertation : en sécurité alimentaire, en petite enfance, en habitation.`,
		termDefinition:
			'Lieu d’échange régulier où les organismes, les institutions et les élus d’un territoire coordonnent leurs actions sur un enjeu.',
		termSynonyms: ['regroupement intersectoriel', 'instance de concertation']
	},
	{
		key: 'reddition-term',
		lang: 'fr',
		type: 'term',
		title: 'Reddition de comptes',
		body: `Elle prend souvent la forme d’un rapport annuel et d’un formulaire propre à chaque bailleur.`,
		termDefinition: 'Obligation de rendre compte à un bailleur de fonds de l’utilisation des sommes reçues et des résultats obtenus.',
		termSynonyms: ['rapport au bailleur', 'accountability']
	},
	{
		key: 'bailleur-term',
		lang: 'fr',
		type: 'term',
		title: 'Bailleur de fonds',
		body: `Ministères, municipalités, fondations privées et centraides sont les principaux bailleurs des organismes communautaires.`,
		termDefinition: 'Organisation qui finance les activités d’une autre, par subvention, entente ou don.',
		termSynonyms: ['subventionneur', 'funder']
	},
	{
		key: 'action-communautaire-term',
		lang: 'fr',
		type: 'term',
		title: 'Action communautaire autonome',
		body: `La politique gouvernementale de 2001 reconnaît l’autonomie des organismes d’action communautaire autonome dans leurs orientations et leurs pratiques.`,
		termDefinition:
			'Action menée par des organismes enracinés dans leur communauté, issus d’une initiative citoyenne et dont la gouvernance est indépendante de l’État.',
		termSynonyms: ['ACA']
	},
	{
		key: 'empowerment-term',
		lang: 'fr',
		type: 'term',
		title: 'Pouvoir d’agir',
		body: `L’approche est au cœur de l’intervention communautaire : on mise sur les forces des personnes plutôt que sur leurs manques.`,
		termDefinition: 'Capacité des personnes et des collectivités à exercer un contrôle sur ce qui est important pour elles.',
		termSynonyms: ['empowerment', 'autonomisation', 'empouvoirement']
	},
	{
		key: 'intelligence-collective-term',
		lang: 'fr',
		type: 'term',
		title: 'Intelligence collective',
		body: `Des méthodes comme le forum ouvert, le world café ou les ateliers de codéveloppement cherchent à la susciter.`,
		termDefinition: 'Capacité d’un groupe à résoudre des problèmes ou à créer mieux que ses membres pris isolément.',
		termSynonyms: ['collective intelligence']
	},
	{
		key: 'codeveloppement-term',
		lang: 'fr',
		type: 'term',
		title: 'Codéveloppement professionnel',
		body: `Une séance suit des étapes fixes : exposé d’une situation, questions, consultation, plan d’action de la personne cliente, bilan des apprentissages.`,
		termDefinition:
			'Approche de formation où un petit groupe aide tour à tour une personne à avancer sur une situation réelle de sa pratique.',
		termSynonyms: ['groupe de codéveloppement', 'codev']
	},
	{
		key: 'communs-term-en',
		lang: 'en',
		type: 'term',
		title: 'Commons',
		body: `Elinor Ostrom showed that communities can manage shared resources durably when they set and enforce their own rules.`,
		termDefinition: 'A resource shared and governed by a community according to rules it sets itself.',
		termSynonyms: ['common-pool resource', 'biens communs']
	},
	{
		key: 'capacity-building-term-en',
		lang: 'en',
		type: 'term',
		title: 'Capacity building',
		body: `Funders increasingly pay for capacity building alongside projects: training, better tools, time for planning.`,
		termDefinition: 'Strengthening the skills, systems and resources an organisation needs to fulfil its mission over time.',
		termSynonyms: ['organisational development', 'renforcement des capacités']
	},
	{
		key: 'stakeholder-term-en',
		lang: 'en',
		type: 'term',
		title: 'Stakeholder',
		body: `Mapping stakeholders early shows who must be consulted and who may oppose a project.`,
		termDefinition: 'A person or group affected by, or able to affect, an organisation or a project.',
		termSynonyms: ['partie prenante', 'interested party']
	},

	// ---- organisations ------------------------------------------------------------------------------------------
	{
		key: 'org-saguenay',
		lang: 'fr',
		type: 'organization',
		title: 'Collectif Fjord numérique',
		body: `Le collectif accompagne les organismes du Saguenay–Lac-Saint-Jean dans leur virage numérique : formations, soutien technique et hébergement mutualisé de plateformes. Il est né du regroupement de trois organismes qui partageaient un technicien.`,
		orgRegion: 'Saguenay–Lac-Saint-Jean',
		orgSector: 'Accompagnement numérique',
		orgWebsite: 'https://fjord-numerique.example.org'
	},
	{
		key: 'org-mauricie',
		lang: 'fr',
		type: 'organization',
		title: 'Pôle d’entreprises collectives de la Vallée',
		body: `Le Pôle soutient le démarrage de coopératives et d’OBNL marchands : plan d’affaires, recherche de financement, formation des conseils d’administration. Il anime aussi une communauté de pratique des gestionnaires d’entreprises collectives.`,
		orgRegion: 'Mauricie',
		orgSector: 'Économie sociale',
		orgWebsite: 'https://pole-vallee.example.org'
	},
	{
		key: 'org-estrie',
		lang: 'fr',
		type: 'organization',
		title: 'Table des aînés des Sources',
		body: `La Table réunit les organismes qui travaillent auprès des personnes aînées de la MRC : transport bénévole, popotes roulantes, visites d’amitié. Elle coordonne une campagne annuelle contre l’isolement.`,
		orgRegion: 'Estrie',
		orgSector: 'Aînés',
		orgWebsite: 'https://aines-sources.example.org'
	},
	{
		key: 'org-gaspesie',
		lang: 'fr',
		type: 'organization',
		title: 'Coopérative de solidarité La Marée',
		body: `Épicerie et café de village gérés par une coopérative de solidarité qui compte 400 membres utilisateurs et 12 membres travailleurs. Le local accueille aussi un point de service de la bibliothèque.`,
		orgRegion: 'Gaspésie–Îles-de-la-Madeleine',
		orgSector: 'Alimentation',
		orgWebsite: 'https://lamaree.example.org'
	},
	{
		key: 'org-montreal-logement',
		lang: 'fr',
		type: 'organization',
		title: 'Comité logement Centre-Sud',
		body: `Le comité informe les locataires de leurs droits, les accompagne au Tribunal administratif du logement et soutient les projets de logement social du quartier.`,
		orgRegion: 'Montréal',
		orgSector: 'Logement',
		orgWebsite: 'https://logement-centre-sud.example.org'
	},
	{
		key: 'org-quebec-alim',
		lang: 'fr',
		type: 'organization',
		title: 'Cuisines collectives de Limoilou',
		body: `Des groupes de cinq personnes planifient, cuisinent et partagent des repas pour un mois. L’organisme offre aussi des ateliers sur l’achat en vrac et la conservation.`,
		orgRegion: 'Capitale-Nationale',
		orgSector: 'Sécurité alimentaire',
		orgWebsite: 'https://cuisines-limoilou.example.org'
	},
	{
		key: 'org-outaouais',
		lang: 'fr',
		type: 'organization',
		title: 'Centre d’action bénévole de la Petite-Nation',
		body: `Le centre recrute, forme et reconnaît les bénévoles de la région et offre des services d’accompagnement médical et de dépannage alimentaire.`,
		orgRegion: 'Outaouais',
		orgSector: 'Bénévolat',
		orgWebsite: 'https://cab-petite-nation.example.org'
	},
	{
		key: 'org-abitibi',
		lang: 'fr',
		type: 'organization',
		title: 'Radio communautaire de l’Harricana',
		body: `La radio diffuse de l’information locale produite par une équipe de bénévoles et forme des jeunes à l’animation radiophonique. Elle archive ses émissions sous licence libre.`,
		orgRegion: 'Abitibi-Témiscamingue',
		orgSector: 'Médias communautaires',
		orgWebsite: 'https://radio-harricana.example.org'
	},
	{
		key: 'org-bas-st-laurent',
		lang: 'fr',
		type: 'organization',
		title: 'Tiers-lieu La Forge',
		body: `Installé dans l’ancien presbytère, le lieu offre des bureaux partagés, un atelier de fabrication et une salle pour les organismes du village. Il est géré par un OBNL.`,
		orgRegion: 'Bas-Saint-Laurent',
		orgSector: 'Développement local',
		orgWebsite: 'https://laforge.example.org'
	},
	{
		key: 'org-laurentides',
		lang: 'fr',
		type: 'organization',
		title: 'Regroupement des jardins collectifs des Laurentides',
		body: `Le regroupement soutient une vingtaine de jardins collectifs : achat groupé de semences, formation en agriculture urbaine et partage des récoltes avec les comptoirs alimentaires.`,
		orgRegion: 'Laurentides',
		orgSector: 'Sécurité alimentaire',
		orgWebsite: 'https://jardins-laurentides.example.org'
	},
	{
		key: 'org-monteregie',
		lang: 'fr',
		type: 'organization',
		title: 'Corporation de développement communautaire du Haut-Richelieu',
		body: `La CDC regroupe les organismes communautaires du territoire, représente leurs intérêts auprès des élus et anime des tables de concertation en habitation et en transport.`,
		orgRegion: 'Montérégie',
		orgSector: 'Développement des communautés',
		orgWebsite: 'https://cdc-haut-richelieu.example.org'
	},
	{
		key: 'org-lanaudiere',
		lang: 'fr',
		type: 'organization',
		title: 'Maison des jeunes de Joliette',
		body: `Lieu de rencontre pour les 12 à 17 ans, la maison des jeunes soutient les projets que les jeunes proposent : voyage, spectacle, comité d’environnement.`,
		orgRegion: 'Lanaudière',
		orgSector: 'Jeunesse',
		orgWebsite: 'https://mdj-joliette.example.org'
	},
	{
		key: 'org-cote-nord',
		lang: 'fr',
		type: 'organization',
		title: 'Alphabétisation Côte-Nord',
		body: `L’organisme offre des ateliers d’alphabétisation et de littératie numérique aux adultes, en petits groupes, à Baie-Comeau et dans les villages voisins.`,
		orgRegion: 'Côte-Nord',
		orgSector: 'Éducation populaire',
		orgWebsite: 'https://alpha-cote-nord.example.org'
	},
	{
		key: 'org-en-montreal',
		lang: 'en',
		type: 'organization',
		title: 'Westside Community Tech Hub',
		body: `The hub refurbishes donated computers, teaches digital skills to seniors and newcomers, and hosts free software install parties for local nonprofits.`,
		orgRegion: 'Montréal',
		orgSector: 'Digital inclusion',
		orgWebsite: 'https://westside-tech.example.org'
	},
	{
		key: 'org-en-townships',
		lang: 'en',
		type: 'organization',
		title: 'Townships Volunteer Network',
		body: `An English-speaking volunteer centre serving the Eastern Townships: driving seniors to appointments, friendly visits and help with government forms.`,
		orgRegion: 'Estrie',
		orgSector: 'Volunteering',
		orgWebsite: 'https://townships-volunteers.example.org'
	},

	// ---- autres pratiques ---------------------------------------------------------------------------------------
	{
		key: 'plan-action',
		lang: 'fr',
		title: 'Du diagnostic au plan d’action',
		body: `Le diagnostic de quartier terminé, le comité rédige un plan d’action : trois priorités, des actions précises pour chacune, une personne responsable et un échéancier. Le plan d’action est revu chaque automne en assemblée de quartier.`
	},
	{
		key: 'plan-distracteur',
		lang: 'fr',
		title: 'Planifier l’année d’un comité',
		body: `En septembre, le comité fait le plan de l’année : les dates des rencontres, les activités prévues et le partage des tâches. Chaque action est confiée à deux personnes pour éviter l’épuisement. Un plan simple, affiché, vaut mieux qu’un long document.`
	},
	{
		key: 'diagnostic',
		lang: 'fr',
		title: 'Réaliser un portrait de quartier',
		body: `Un portrait de quartier combine les statistiques publiques, une cartographie des ressources et la parole des résidentes et résidents recueillie dans des cafés-rencontres. Il sert de base commune aux organismes pour choisir leurs priorités.`
	},
	{
		key: 'economie-sociale-quebec',
		lang: 'fr',
		title: 'L’économie sociale au Québec',
		body: `Le Québec compte plus de 11 000 entreprises d’économie sociale : coopératives, mutuelles et OBNL marchands. Elles sont présentes dans toutes les régions, de l’épicerie de village au centre de la petite enfance, et elles résistent mieux aux crises que les entreprises privées.`
	},
	{
		key: 'securite-alimentaire',
		lang: 'fr',
		title: 'Sécurité alimentaire : du dépannage à l’autonomie',
		body: `Le dépannage alimentaire répond à l’urgence, mais ne règle pas la pauvreté. De plus en plus d’organismes ajoutent des cuisines collectives, des jardins et des groupes d’achat pour que les familles gagnent en autonomie alimentaire.`
	},
	{
		key: 'logement-communautaire',
		lang: 'fr',
		title: 'Développer un projet de logement communautaire',
		body: `Un projet de logement communautaire prend de cinq à huit ans : trouver un terrain, réunir les futurs locataires, monter le financement avec le programme provincial et la municipalité, puis construire. Un groupe de ressources techniques accompagne le comité à chaque étape.`
	},
	{
		key: 'accessibilite-web',
		lang: 'fr',
		title: 'Rendre son site Web accessible',
		body: `Un site accessible se lit au clavier, offre des textes de remplacement pour les images et des contrastes suffisants. Tester avec un lecteur d’écran et, mieux encore, avec des personnes en situation de handicap.`
	},
	{
		key: 'littératie-numerique',
		lang: 'fr',
		title: 'Ateliers de littératie numérique pour les aînés',
		body: `Les aînés apprennent mieux en petits groupes, avec leur propre appareil et un rythme lent. Les ateliers les plus demandés : les appels vidéo avec la famille, la sécurité en ligne et la prise de rendez-vous médicaux.`
	},
	{
		key: 'concertation-intersectorielle',
		lang: 'fr',
		title: 'Faire vivre une concertation intersectorielle',
		body: `Une concertation réunit des organismes, des institutions et des élus qui n’ont ni la même culture ni le même rythme. Elle tient si chacun y trouve un gain concret, si l’animation est neutre et si les décisions sont suivies d’actions visibles.`
	},
	{
		key: 'epuisement',
		lang: 'fr',
		title: 'Prévenir l’épuisement des équipes communautaires',
		body: `Les équipes communautaires travaillent souvent au-delà de leurs heures, portées par la mission. Prévenir l’épuisement passe par des horaires respectés, des remplacements prévus et un droit de dire non à un nouveau projet.`
	},
	{
		key: 'transfert-connaissances',
		lang: 'fr',
		title: 'Transfert de connaissances entre générations d’intervenantes',
		body: `Le départ à la retraite d’une coordonnatrice fondatrice est un moment à risque. Prévoir six mois de chevauchement, des entrevues filmées et la rédaction de fiches sur les dossiers clés permet de garder la mémoire de l’organisme.`
	},
	{
		key: 'partenariat-municipal',
		lang: 'fr',
		title: 'Bâtir un partenariat avec sa municipalité',
		body: `Les municipalités prêtent des locaux, financent des projets et consultent les organismes. Une rencontre annuelle avec les élus et un bilan court de ce que l’organisme apporte à la population rendent la collaboration plus solide.`
	},
	{
		key: 'transition-socioecologique',
		lang: 'fr',
		title: 'Les organismes communautaires et la transition socioécologique',
		body: `Ateliers de réparation, frigos partagés, transport collectif rural : les organismes communautaires sont déjà des acteurs de la transition. Les regroupements demandent que leur rôle soit reconnu et financé.`
	},
	{
		key: 'recherche-partenariale',
		lang: 'fr',
		title: 'Mener une recherche partenariale avec une université',
		body: `Dans une recherche partenariale, l’organisme et l’équipe universitaire définissent ensemble les questions et partagent la propriété des résultats. Une entente écrite précise qui publie quoi, et comment les personnes participantes sont informées des conclusions.`
	},
	{
		key: 'protection-donnees',
		lang: 'fr',
		title: 'Protéger les renseignements personnels des participantes',
		body: `Depuis la loi 25, les organismes doivent nommer une personne responsable de la protection des renseignements personnels, tenir un registre des incidents et ne recueillir que ce qui est nécessaire. Les listes de participantes ne circulent plus par courriel.`
	},
	{
		key: 'intervention-milieu',
		lang: 'fr',
		title: 'L’intervention de milieu dans les HLM',
		body: `L’intervenante de milieu est présente dans les espaces communs, crée des liens avec les locataires et les oriente vers les ressources. Son travail se mesure mal en chiffres : c’est la confiance qui en est le premier résultat.`
	},
	{
		key: 'data-policy-en',
		lang: 'en',
		title: 'Data policy for a community network',
		body: `A short data policy says what information the network collects about members, why, where it is stored and who can see it. Review it yearly and publish it where members can find it.`
	},
	{
		key: 'policies-distracteur-en',
		lang: 'en',
		title: 'Advocacy with municipal councils',
		body: `Municipal councillors respond to concrete stories and local numbers. Bring both, invite them to see a program, and follow up in writing. Municipal policy changes slowly but lasts.`
	},
	{
		key: 'burnout-en',
		lang: 'en',
		title: 'Preventing burnout in community teams',
		body: `Community workers often go beyond their hours for the mission. Protect schedules, plan replacements for holidays and give the team the right to say no to a new project.`
	},
	{
		key: 'accessibility-en',
		lang: 'en',
		title: 'Web accessibility on a small budget',
		body: `Keyboard navigation, alternative text for images and sufficient contrast cover most problems. Test with a screen reader, and better yet with people with disabilities.`
	},
	{
		key: 'social-economy-en',
		lang: 'en',
		title: 'The social economy in Quebec',
		body: `Quebec's social economy includes more than 11,000 cooperatives, mutuals and nonprofits that sell goods or services. A 2013 law recognises their role in every region.`
	},
	{
		key: 'food-security-en',
		lang: 'en',
		title: 'Food security beyond emergency aid',
		body: `Food banks answer urgent needs but do not end poverty. Collective kitchens, community gardens and buying groups help families gain autonomy over what they eat.`
	},
	{
		key: 'community-housing-en',
		lang: 'en',
		title: 'Developing a community housing project',
		body: `A community housing project takes five to eight years: securing land, gathering future tenants, assembling public funding and building. Technical resource groups guide the committee throughout.`
	},
	{
		key: 'research-partnership-en',
		lang: 'en',
		title: 'Community-university research partnerships',
		body: `In a research partnership, the organisation and the university define the questions together and share ownership of the results. A written agreement sets who publishes what.`
	},

	// ---- outils, hébergement et données ---------------------------------------------------------------------------
	{
		key: 'mutualisation',
		lang: 'fr',
		title: 'Mutualiser des ressources entre organismes',
		body: `Partager une adjointe administrative, un local, un serveur ou un service de paie permet à de petits organismes d’offrir de meilleures conditions. La mutualisation exige une entente claire sur les coûts, les priorités et la sortie de l’entente si un partenaire se retire.`,
		notebooks: ['communs']
	},
	{
		key: 'chatons',
		lang: 'fr',
		title: 'Héberger ses outils chez un hébergeur alternatif',
		body: `Des hébergeurs associatifs et coopératifs offrent courriel, agenda partagé et stockage de fichiers sans publicité ni revente de données. Les membres du collectif CHATONS s’engagent à utiliser des logiciels libres et à ne pas exploiter les données des personnes hébergées.`,
		notebooks: ['communs']
	},
	{
		key: 'sauvegardes',
		lang: 'fr',
		title: 'Sauvegardes : la règle du 3-2-1',
		body: `Trois copies des données, sur deux supports différents, dont une hors des locaux. Tester la restauration deux fois par année : une sauvegarde qu’on n’a jamais restaurée n’est qu’un espoir. Noter où se trouvent les copies et qui peut y accéder.`
	},
	{
		key: 'migration-libre',
		lang: 'fr',
		title: 'Migrer vers des outils libres sans brusquer l’équipe',
		body: `La migration vers des outils libres réussit quand elle se fait par étapes : d’abord le stockage de fichiers, puis l’agenda, enfin le courriel. Chaque étape vient avec une formation courte et une personne-ressource à l’interne.`,
		notebooks: ['communs']
	},
	{
		key: 'outils-gratuits',
		lang: 'fr',
		title: 'Les coûts cachés des outils gratuits',
		body: `Un outil gratuit se paie autrement : données des membres exploitées, fonctions retirées du jour au lendemain, exportation impossible. Avant de l’adopter, se demander comment on en sortirait.`
	},
	{
		key: 'cartographie',
		lang: 'fr',
		title: 'Cartographie participative des ressources du quartier',
		body: `Lors d’une marche exploratoire, les résidentes et résidents repèrent les ressources, les lieux de rencontre et les obstacles. Les points sont ensuite versés dans OpenStreetMap pour que la carte profite à tout le monde et reste à jour.`,
		notebooks: ['communs']
	},
	{
		key: 'journal-bord',
		lang: 'fr',
		title: 'Tenir un journal de bord de projet',
		body: `Un journal de bord tenu chaque semaine, en cinq lignes, garde la trace des décisions, des imprévus et des apprentissages. À la fin du projet, il devient la matière première de l’évaluation et du rapport final.`,
		notebooks: ['evaluer']
	},
	{
		key: 'rapport-activites',
		lang: 'fr',
		title: 'Un rapport d’activités que les gens lisent',
		body: `Le rapport d’activités n’a pas besoin de quarante pages. Quelques chiffres clés, trois histoires de personnes, des photos et les perspectives de l’année suffisent. Une version courte circule sur les réseaux; la version complète reste disponible pour les bailleurs.`
	},
	{
		key: 'groupe-discussion-term',
		lang: 'fr',
		type: 'term',
		title: 'Groupe de discussion',
		body: `Il convient pour comprendre des expériences ou tester une idée, pas pour mesurer une fréquence.`,
		termDefinition:
			'Entretien collectif de six à dix personnes, animé autour de quelques questions ouvertes, pour recueillir des points de vue.',
		termSynonyms: ['focus group', 'entretien de groupe']
	},
	{
		key: 'world-cafe-term',
		lang: 'fr',
		type: 'term',
		title: 'World café',
		body: `Très utilisé lors des forums régionaux et des journées de réflexion stratégique.`,
		termDefinition:
			'Méthode d’animation où les participantes et participants changent de table à intervalles réguliers pour croiser leurs idées sur plusieurs questions.',
		termSynonyms: ['café du monde', 'café de connaissances']
	},
	{
		key: 'forum-ouvert-term',
		lang: 'fr',
		type: 'term',
		title: 'Forum ouvert',
		body: `Adapté aux grands groupes qui veulent faire émerger des projets sans ordre du jour imposé.`,
		termDefinition:
			'Méthode de rencontre où les participantes et participants proposent eux-mêmes les sujets des ateliers et s’y joignent librement.',
		termSynonyms: ['open space', 'forum à ordre du jour ouvert']
	},
	{
		key: 'cafe-reparation-term',
		lang: 'fr',
		type: 'term',
		title: 'Café réparation',
		body: `Les bibliothèques et les tiers-lieux en accueillent de plus en plus, une fois par mois.`,
		termDefinition: 'Rencontre où des bénévoles aident les gens à réparer eux-mêmes leurs objets, appareils et vêtements.',
		termSynonyms: ['repair café', 'atelier de réparation']
	},
	{
		key: 'frigo-term',
		lang: 'fr',
		type: 'term',
		title: 'Frigo partagé',
		body: `Un frigo partagé demande une équipe qui vérifie les dates et nettoie chaque jour.`,
		termDefinition: 'Réfrigérateur en libre-service où commerces et citoyens déposent des aliments que chacun peut prendre gratuitement.',
		termSynonyms: ['frigo communautaire', 'frigo solidaire', 'community fridge']
	},
	{
		key: 'education-populaire-term',
		lang: 'fr',
		type: 'term',
		title: 'Éducation populaire autonome',
		body: `Elle se distingue de la formation par sa visée de transformation sociale.`,
		termDefinition:
			'Démarche d’apprentissage collectif et de réflexion critique qui part des conditions de vie des personnes pour agir ensemble sur elles.',
		termSynonyms: ['éducation populaire', 'popular education']
	},
	{
		key: 'mentorat',
		lang: 'fr',
		title: 'Mentorat entre directions d’organismes',
		body: `Une nouvelle directrice est jumelée à une directrice d’expérience d’un autre organisme pendant un an. Elles se voient une fois par mois pour parler budget, ressources humaines et relations avec le conseil. Les deux disent apprendre autant l’une que l’autre.`
	},
	{
		key: 'codev-pratique',
		lang: 'fr',
		title: 'Nos séances de codéveloppement en région',
		body: `Six coordonnatrices de la région se réunissent chaque mois en visioconférence. Chaque séance porte sur une situation vécue par l’une d’elles : un conflit au conseil, une demande de financement refusée, une embauche difficile. Les consultantes proposent des pistes sans juger.`,
		notebooks: ['animer']
	},
	{
		key: 'atelier-region-eloignee',
		lang: 'fr',
		title: 'Donner un atelier en région éloignée',
		body: `Prévoir le double du temps de route annoncé, une trousse hors ligne (présentation, documents imprimés) et un plan B si la connexion Internet est faible. Les participantes viennent souvent de loin : commencer à l’heure et finir à l’heure.`
	},
	{
		key: 'trousse-accueil',
		lang: 'fr',
		title: 'Trousse d’accueil des bénévoles',
		body: `La trousse d’accueil présente la mission, les personnes à joindre, les règles de sécurité et les tâches possibles. Elle tient en quatre pages et se remet en main propre, lors d’une rencontre d’accueil d’une demi-heure.`
	},
	{
		key: 'transport-rural',
		lang: 'fr',
		title: 'Transport collectif rural : une solution portée par le milieu',
		body: `Dans plusieurs MRC, le transport collectif repose sur des places libres dans les autobus scolaires et sur des bénévoles qui conduisent les personnes aînées à leurs rendez-vous. La concertation entre la MRC, les écoles et les organismes rend le service possible.`
	},
	{
		key: 'halte-garderie',
		lang: 'fr',
		title: 'Halte-garderie communautaire',
		body: `La halte-garderie accueille les enfants quelques heures par semaine pendant que les parents participent à une activité, cherchent un emploi ou prennent simplement du répit. Elle est souvent la porte d’entrée des familles vers les autres services.`
	},
	{
		key: 'politique-salariale',
		lang: 'fr',
		title: 'Adopter une politique salariale',
		body: `Une politique salariale établit des échelons clairs, des augmentations prévisibles et des avantages connus de toutes et tous. Elle aide à retenir le personnel dans un secteur où les salaires restent bas, et elle oblige le conseil à chiffrer le coût réel d’une équipe stable.`
	},
	{
		key: 'reglements-generaux',
		lang: 'fr',
		title: 'Réviser les règlements généraux',
		body: `Les règlements généraux disent qui est membre, comment on convoque une assemblée et comment on élit le conseil. Les réviser aux cinq ans évite des assemblées bloquées par des règles désuètes. Proposer les modifications par écrit et les expliquer avant le vote.`
	},
	{
		key: 'recruter-ca',
		lang: 'fr',
		title: 'Recruter des administratrices et des administrateurs',
		body: `Un conseil équilibré réunit des membres, des personnes du milieu et quelques compétences précises : finances, droit, communication. Chercher les candidatures toute l’année plutôt qu’à la veille de l’assemblée, et offrir une formation d’accueil.`
	},
	{
		key: 'mutual-aid-en',
		lang: 'en',
		title: 'Mutual aid networks after the pandemic',
		body: `Many mutual aid groups formed in 2020 to deliver groceries and check on neighbours. Those that lasted gave themselves light structures: a shared phone line, a rotating coordination team and ties to existing community organisations.`
	},
	{
		key: 'peer-learning-en',
		lang: 'en',
		title: 'Peer learning circles for coordinators',
		body: `Six coordinators meet monthly; one brings a real situation, the others ask questions and offer ideas. Peer learning circles build trust and spread practical know-how across organisations.`,
		notebooks: ['animer']
	},
	{
		key: 'backups-en',
		lang: 'en',
		title: 'Backups for small nonprofits',
		body: `Keep three copies of your data on two kinds of media, one of them offsite. Test restoring twice a year; a backup you never restored is only a hope.`
	},
	{
		key: 'free-software-migration-en',
		lang: 'en',
		title: 'Migrating a team to free software',
		body: `Move in stages: file storage first, then calendars, then email. Each step comes with short training and an internal go-to person. Rushing the switch is the surest way to make the team resent it.`,
		notebooks: ['communs']
	},
	{
		key: 'repair-cafe-en',
		lang: 'en',
		title: 'Running a repair café',
		body: `Volunteers with tools and patience help visitors fix their own lamps, toasters and clothes. A repair café needs a room, a few fixers, a welcome table and a log of what was repaired.`
	},
	{
		key: 'mapping-en',
		lang: 'en',
		title: 'Mapping community resources with OpenStreetMap',
		body: `Residents walk the neighbourhood, note resources and obstacles, then add them to OpenStreetMap so the map stays public and current.`,
		notebooks: ['communs']
	},
	{
		key: 'annual-report-en',
		lang: 'en',
		title: 'Annual reports people actually read',
		body: `A few key figures, three stories, photos and next year's outlook are enough. Share a short version widely and keep the full report for funders.`
	},
	{
		key: 'board-recruitment-en',
		lang: 'en',
		title: 'Recruiting board members',
		body: `Look for candidates all year, not the week before the annual meeting. Balance members, community partners and a few specific skills such as finance or law, and offer an orientation session.`
	},
	{
		key: 'bylaws-en',
		lang: 'en',
		title: 'Reviewing your bylaws',
		body: `Bylaws say who is a member, how meetings are called and how the board is elected. Review them every five years, propose amendments in writing and explain them before the vote.`
	},

	// ---- brouillons privés (ils ne doivent jamais sortir d'une recherche anonyme) --------------------------------
	{
		key: 'prive-gouvernance',
		lang: 'fr',
		title: 'Gouvernance partagée — brouillon de la réforme',
		body: `Brouillon interne : gouvernance partagée, gouvernance partagée, cercles et mandats pour la réforme des règlements. Ne pas diffuser.`,
		hidden: true
	},
	{
		key: 'prive-financement',
		lang: 'fr',
		title: 'Programme de financement provincial — notes confidentielles',
		body: `Notes confidentielles sur notre demande au programme de financement provincial : montants, échéances et commentaires de la conseillère.`,
		hidden: true
	}
];
