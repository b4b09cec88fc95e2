/*
 * Swedish and English for the dashboard: one message table, and the browser's own Intl for
 * numbers, percentages and months. The chosen language is kept in localStorage.
 */
(function () {
  'use strict';
  const messages = {
    sv: {
      appTitle: 'Tidigt – uppföljning av tidigt stöd',
      skip: 'Hoppa till innehållet',
      synthetic: 'Syntetiska demodata – inga verkliga barn eller ärenden',
      language: 'In English', languageName: 'English',
      signOut: 'Logga ut', signIn: 'Logga in', username: 'Användarnamn', password: 'Lösenord',
      signInTitle: 'Logga in i Tidigt', signInFailed: 'Fel användarnamn eller lösenord.',
      signInPaused: 'För många misslyckade inloggningar: användarnamnet är pausat härifrån i {seconds} sekunder. Försök igen sedan.', signedOut: 'Du är utloggad.',
      signInWithProvider: 'Logga in via stadens inloggning', providerSignInFailed: 'Inloggningen misslyckades. Försök igen.',
      signInUnavailable: 'Inloggningen till översikten är inte konfigurerad (ingen OIDC-klient). Se README, "Running in production".',
      demoUsers: 'Demoanvändare (lösenord demo): analyst (analytiker), auditor (granskare), admin (plattformsadministratör), hv-admin, jarva-admin och <stadsdel>-admin för var och en av stadens 11 stadsdelar.',
      cityView: 'Stadsvy', districtView: 'Stadsdelsvy',
      filters: 'Urval', from: 'Från månad', to: 'Till månad', districts: 'Stadsdelar', allDistricts: 'Alla stadsdelar',
      workModel: 'Arbetssätt', concern: 'Oro för', all: 'Alla', targetGroup: 'Teamets målgrupp (missbruk, kriminalitet)',
      apply: 'Visa', reset: 'Återställ', downloadCsv: 'Ladda ner CSV',
      loading: 'Hämtar siffror …', loaded: 'Siffrorna är uppdaterade.', failed: 'Kunde inte hämta: ',
      showTable: 'Visa siffrorna som tabell', suppressed: 'skyddad', suppressedNote: 'Skyddad: för få ärenden, visas inte för att ingen ska kunna identifieras och för att slumpbruset skulle dominera.',
      noData: 'uppgift saknas', protection: 'Röjandeskydd',
      ORDINARY: 'Ordinarie arbete', VALLINGBY_TEAM: 'Vällingbyteamet',
      SUBSTANCE_USE_RISK: 'Risk för missbruk', CRIME_RISK: 'Risk för kriminalitet', VIOLENCE: 'Våld', NEGLECT: 'Försummelse',
      MENTAL_HEALTH: 'Psykisk ohälsa', SCHOOL_ABSENCE: 'Skolfrånvaro', OTHER: 'Annat',
      acceptanceByModel: 'Andel familjer som tackar ja, per arbetssätt och månad',
      acceptanceByModelNote: 'Linjen är andelen accepterade av besvarade erbjudanden; skuggat område är 95 % konfidensintervall (Wilson).',
      acceptanceByDistrict: 'Andel familjer som tackar ja, per stadsdel',
      acceptanceByDistrictNote: 'Punkten är andelen, stapeln 95 % konfidensintervall. Vald period.',
      acceptanceByDistrictYear: 'Andel familjer som tackar ja, per stadsdel och år',
      acceptanceByDistrictYearNote: 'Ett år i taget inom vald period; intervallen står i tabellen.', year: 'År',
      funnel: 'Från orosanmälan till insats', funnelNote: 'Antal ärenden i varje steg, efter orosanmälans månad.',
      deadlines: 'Ledtider mot lagens tidsgränser', deadlinesNote: 'Förhandsbedömning inom 14 dagar; utredning inom 4 månader (cirka 122 dagar).',
      ages: 'Rätt stöd i rätt tid: ålder och tid till första insats',
      agesNote: 'Barnets ålder vid första insatsen, och år från barnets första orosanmälan till första insatsen.',
      timeline: 'Införandet i varje stadsdel', timelineNote: 'Beslut om arbetssätt, avbrott, återinförande, finansiering, bemanning och planerade vågor.',
      effect: 'Vad gör Vällingbyteamet för skillnad?', effectNote: 'Förändringen i andelen som tackar ja efter införandet, jämfört med stadsdelar som ännu inte infört.',
      eventStudy: 'Effekt per månad sedan införandet',
      ownFigures: 'Stadsdelens siffror', worklist: 'Tidsfrister att bevaka (försenade först)', caseList: 'Ärenden',
      month: 'Månad', district: 'Stadsdel', value: 'Andel', low: 'Nedre gräns', high: 'Övre gräns', n: 'n (besvarade erbjudanden)',
      stage: 'Steg', count: 'Antal', measure: 'Mått', date: 'Datum', kind: 'Händelse', details: 'Detaljer',
      monthsSince: 'Månader sedan införande', att: 'Effekt (procentenheter)', cells: 'Celler', age: 'Ålder', children: 'Barn',
      concerns: 'Orosanmälningar', protectionAssessments: 'Skyddsbedömningar', initialAssessments: 'Förhandsbedömningar',
      investigationsOpened: 'Utredningar inledda', investigationsConcluded: 'Utredningar avslutade', offers: 'Erbjudanden',
      accepted: 'Accepterade', declined: 'Avböjda', interventionsStarted: 'Insatser påbörjade', interventionsEnded: 'Insatser avslutade',
      casesClosed: 'Ärenden avslutade',
      medianToAssessment: 'Orosanmälan → förhandsbedömning, median (dagar)', p90ToAssessment: 'Orosanmälan → förhandsbedömning, 90:e percentil (dagar)',
      medianInvestigation: 'Utredningstid, median (dagar)', p90Investigation: 'Utredningstid, 90:e percentil (dagar)',
      within14: 'Förhandsbedömning inom 14 dagar', overFourMonths: 'Utredningar över 4 månader',
      breachesINITIAL_ASSESSMENT: 'Överskridna: förhandsbedömning', breachesINVESTIGATION: 'Överskridna: utredning',
      breachesPROTECTION_ASSESSMENT: 'Överskridna: skyddsbedömning',
      shareUnder10AtIntervention: 'Första insats före 10 års ålder', share13to17AtIntervention: 'Första insats vid 13–17 år',
      medianYearsToIntervention: 'År från första oro till första insats, median', shareTwoYears: 'Första insats två år eller mer efter första oro',
      acceptanceRate: 'Andel som tackar ja', days: 'dagar', deadline14: '14 dagar', deadline4m: '4 månader',
      ADOPTED: 'Infört', SUSPENDED: 'Avbrutet', REINSTATED: 'Återinfört', FUNDING: 'Finansiering', STAFFING: 'Bemanning',
      PLANNED_ADOPTION: 'Planerat införande', wave: 'våg', posts: 'tjänster', filled: 'tillsatta',
      aggregateEffect: 'Sammanvägd effekt', interval95: '95 % intervall', treatedDistricts: 'stadsdelar som infört',
      comparisonDistricts: 'jämförelsestadsdelar', warnings: 'Varningar', caveat: 'Att tänka på',
      caseId: 'Ärende', nextDue: 'Nästa frist', dueDate: 'Förfaller', daysLeft: 'Dagar kvar', overdue: 'Försenad',
      status: 'Status', receivedAt: 'Inkom', reporter: 'Anmälare', previous: 'Föregående', next: 'Nästa', page: 'Sida',
      OPEN: 'Öppet', CLOSED: 'Avslutat', TRANSFERRED: 'Överflyttat', INITIAL_ASSESSMENT: 'Förhandsbedömning',
      INVESTIGATION: 'Utredning', PROTECTION_ASSESSMENT: 'Skyddsbedömning', yes: 'ja', no: 'nej',
      PRESCHOOL: 'Förskola', SCHOOL: 'Skola', POLICE: 'Polis', HEALTHCARE: 'Hälso- och sjukvård', SOCIAL_SERVICES: 'Socialtjänst',
      FAMILY: 'Familj',
      answerTitle: 'Tackar familjerna ja till stödet?', answerNote: 'Andel familjer som tackar ja till erbjudet stöd, per arbetssätt,',
      wholePeriod: 'Hela perioden', last12: 'Senaste 12 månaderna', of: 'av', families: 'familjer', to: 'till', in: 'i',
      districtsLower: 'stadsdelar', modelsToday: 'Arbetssätt i varje stadsdel i dag', districtsRunTeam: 'stadsdelar arbetar i dag med Vällingbyteamet.',
      ignoresDistricts: 'Gäller hela staden: stadsdelsvalet används inte här.',
      effectIgnores: 'Skattningen använder hela perioden och alla stadsdelar; urvalet av oro gäller, övriga filter används inte.',
      ppLong: 'procentenheter', ppShort: 'procentenheter', ppUnit: 'Procentenheter', to_: 'till',
      effectUnknown: 'Effekten kan inte skattas med dessa uppgifter.',
      evidenceStrong: 'Starkt stöd: hela intervallet ligger på samma sida om noll och är smalt.',
      evidenceModerate: 'Visst stöd: intervallet ligger på samma sida om noll men är brett.',
      evidenceWeak: 'Svagt stöd: intervallet rymmer både ingen effekt och en stor effekt.',
      evidenceNone: 'Inget intervall kunde beräknas; läs siffran med stor försiktighet.',
      warnExcluded: 'Ingår inte i skattningen:', warnComparisons: 'Jämförelsen vilar på {n} stadsdelar som ännu inte infört.',
      warnNotProof: 'Med ett dussin stadsdelar är detta belägg, inte bevis.', allWarnings: 'Alla förbehåll',
      reasonNoBase: 'saknar jämförbara månader strax före införandet', reasonNoComparison: 'ingen jämförelsestadsdel hade uppgifter för samma tid',
      reasonOther: 'utesluten av metodskäl', warnSingleCohort: '{n} tidpunkter i effektkurvan vilar på en enda stadsdel.',
      warnSpells: 'arbetssättet gjordes uppehåll i och återinfördes; bara första perioden används.',
      eventStudyNote: 'Skillnad i procentenheter mot jämförelsestadsdelarna, från två år före till tre år efter införandet. Grå punkter vilar på få stadsdelar.',
      monthsSinceShort: 'Månader från införande', forSpecialists: 'Fler siffror för utredare: flöde, ledtider, ålder, tidslinje, effektkurva',
      acceptanceByModelQuarter: 'Andel familjer som tackar ja, per arbetssätt och kvartal',
      byQuarterNote: 'Visas per kvartal: för många månader hade för få ärenden för att visas.', quarter: 'Kvartal', quarterShort: 'K',
      gapNote: 'Grå fält: för få ärenden, uppgiften visas inte (inte noll).', withheldShort: 'För få ärenden',
      protectionNote: 'Röjandeskydd: små tal har ändrats något slumpmässigt så att ingen enskild kan pekas ut; andelar som vilar på färre än 10 svar (eller färre än 20 med under 5 ja eller nej) visas inte.',
      reasonBUDGET: 'budgetskäl', reasonRECRUITMENT: 'rekryteringsskäl', reasonOTHER: 'annat skäl',
      notFoundTitle: 'Sidan finns inte', notFoundText: 'Det finns ingen sida på den här adressen. Kontrollera adressen, eller gå till startsidan.',
      notFoundHome: 'Till startsidan',
      forbiddenTitle: 'Sidan är inte öppen för dig', forbiddenText: 'Din roll får inte öppna den här sidan (403). Granskningssidorna är till exempel bara för granskare.',
      forbiddenSignIn: 'Logga in som någon annan',
      auditView: 'Granskning', auditIntro: 'Varje uppgift du hämtar här loggas i åtkomstloggen, som när den hämtas via API:t.',
      findCase: 'Hitta ett ärende', caseIdLabel: 'Ärende-id', openCase: 'Visa ärendet', pinLabel: 'Personnummer', findByPin: 'Sök ärenden',
      pinNote: 'Personnumret skickas i anropets innehåll, aldrig i adressen, så det hamnar inte i någon logg.',
      noCasesForPin: 'Inga ärenden för det personnumret.', notFoundCase: 'Det finns inget sådant ärende.', badInput: 'Uppgiften har fel form.',
      signedOutNote: 'Du är utloggad.', caseTitle: 'Ärende', chainedAfter: 'Händelserna kedjades i efterhand, när kedjan infördes',
      verifyCase: 'Kontrollera kedjan', exportCase: 'Ladda ner export', exported: 'Exporten är nedladdad.',
      historyTitle: 'Händelser i ordning', historyLoaded: 'Ärendet har {n} händelser.', sequence: 'Nummer', actor: 'Utförd av',
      occurredAt: 'Hände', recordedAt: 'Registrerades', freeText: 'Fritext', erased: '(raderad)',
      intact: 'Kedjan är hel: alla {n} händelser är oförändrade.', broken: 'Kedjan är bruten vid händelse {seq}.', why: 'Orsak:',
      stateTitle: 'Ärendet vid en tidpunkt', stateAt: 'Tidpunkt', stateBasis: 'Sett', asOf: 'som systemet kände till det då (registreringstid)',
      validAt: 'som det var i verkligheten (händelsetid)', showState: 'Visa', stateAsOf: 'Som systemet kände till det', stateValidAt: 'Som det var',
      eventsApplied: '{n} händelser hade skett.', notYet: 'ärendet fanns inte ännu.', differences: 'Skiljer sig mellan händelsetid och registreringstid:',
      digestsTitle: 'Dagens sammanfattning av alla kedjor', showDigest: 'Hämta och kontrollera', digestOf: 'Sammanfattningen för',
      casesLower: 'ärenden', computedAt: 'beräknad', digestIntact: 'Sammanfattningen stämmer: ingen historik före dagens slut har skrivits om.',
      digestNotLived: 'Ingen sammanfattning av den dagen: händelselagret fanns inte då. Välj en senare dag.',
      digestBroken: 'Sammanfattningen stämmer inte: {a} ärenden sparade, {b} räknade nu. Historik har skrivits om.',
      accessTitle: 'Åtkomstlogg', user: 'Användare', fromDate: 'Från', toDate: 'Till (t.o.m.)', verifyLog: 'Kontrollera loggens kedja',
      logIntact: 'Loggens kedja är hel: {n} poster.', logBroken: 'Loggens kedja är bruten vid post {pos}.', readAt: 'Läst', role: 'Roll',
      endpointCol: 'Vad', casesCol: 'Ärenden',
      roleDISTRICT_WORKER: 'handläggare', roleDISTRICT_SUPERVISOR: 'arbetsledare', roleDISTRICT_ADMIN: 'stadsdelsadministratör',
      roleCITY_ANALYST: 'analytiker', roleAUDITOR: 'granskare', rolePLATFORM_ADMIN: 'plattformsadministratör',
      evConcernRaised: 'Orosanmälan inkom', evWorkerAssigned: 'Handläggare tilldelad', evProtectionNeedAssessed: 'Skyddsbedömning gjord',
      evInitialAssessmentCompleted: 'Förhandsbedömning klar', evInvestigationOpened: 'Utredning inledd', evInvestigationExtended: 'Utredning förlängd',
      evInvestigationConcluded: 'Utredning avslutad', evInterventionOffered: 'Insats erbjuden', evFamilyAccepted: 'Familjen tackade ja',
      evFamilyDeclined: 'Familjen tackade nej', evInterventionStarted: 'Insats påbörjad', evInterventionEnded: 'Insats avslutad',
      evCollaborationRecorded: 'Samverkan registrerad', evOpenAccessSupportRecorded: 'Öppet stöd registrerat', evCaseTransferred: 'Ärendet överflyttat',
      evCaseClosed: 'Ärendet avslutat', evPersonalDataErased: 'Personuppgifter raderade',
      fielddistrict: 'Stadsdel', fieldworkModel: 'Arbetssätt', fieldstatus: 'Status', fieldreceivedAt: 'Inkom', fieldreporter: 'Anmälare',
      fieldchildBirthMonth: 'Barnets födelsemånad', fieldlastOccurredAt: 'Senaste händelse', fieldversion: 'Version', fieldcaseId: 'Ärende-id',
      noRows: 'Inga rader.', chartOf: 'Diagram: ', signedInAs: 'Inloggad som'
    },
    en: {
      appTitle: 'Tidigt – following early support',
      skip: 'Skip to content',
      synthetic: 'Synthetic demo data – no real children or cases',
      language: 'På svenska', languageName: 'Svenska',
      signOut: 'Sign out', signIn: 'Sign in', username: 'User name', password: 'Password',
      signInTitle: 'Sign in to Tidigt', signInFailed: 'Wrong user name or password.',
      signInPaused: 'Too many failed sign-ins: this user name is paused from here for {seconds} seconds. Try again then.', signedOut: 'You have signed out.',
      signInWithProvider: 'Sign in with the city\'s sign-in', providerSignInFailed: 'Signing in failed. Please try again.',
      signInUnavailable: 'The dashboard\'s sign-in is not configured (no OIDC client). See README, "Running in production".',
      demoUsers: 'Demo users (password demo): analyst (city analyst), auditor (auditor), admin (platform admin), hv-admin, jarva-admin and <district>-admin for each of the city\'s 11 districts.',
      cityView: 'City view', districtView: 'District view',
      filters: 'Filters', from: 'From month', to: 'To month', districts: 'Districts', allDistricts: 'All districts',
      workModel: 'Work model', concern: 'Concern about', all: 'All', targetGroup: "The team's target group (substance use, crime)",
      apply: 'Show', reset: 'Reset', downloadCsv: 'Download CSV',
      loading: 'Fetching figures …', loaded: 'The figures are up to date.', failed: 'Could not fetch: ',
      showTable: 'Show the numbers as a table', suppressed: 'suppressed', suppressedNote: 'Withheld: too few cases, so that no one can be identified and because the protection\'s noise would dominate.',
      noData: 'no data', protection: 'Disclosure control',
      ORDINARY: 'Ordinary work', VALLINGBY_TEAM: 'The Vällingby team',
      SUBSTANCE_USE_RISK: 'Risk of substance use', CRIME_RISK: 'Risk of crime', VIOLENCE: 'Violence', NEGLECT: 'Neglect',
      MENTAL_HEALTH: 'Mental health', SCHOOL_ABSENCE: 'School absence', OTHER: 'Other',
      acceptanceByModel: 'Share of families accepting, by work model and month',
      acceptanceByModelNote: 'The line is accepted ÷ answered offers; the shaded band is the 95 % (Wilson) interval.',
      acceptanceByDistrict: 'Share of families accepting, by district',
      acceptanceByDistrictNote: 'The dot is the share, the bar its 95 % interval. Chosen period.',
      acceptanceByDistrictYear: 'Share of families accepting, by district and year',
      acceptanceByDistrictYearNote: 'One year at a time within the chosen period; the intervals are in the table.', year: 'Year',
      funnel: 'From concern to intervention', funnelNote: 'Cases at each step, by the month of the concern.',
      deadlines: 'Lead times against the legal deadlines', deadlinesNote: 'Initial assessment within 14 days; investigation within 4 months (about 122 days).',
      ages: 'The right support at the right time: age and time to first intervention',
      agesNote: "The child's age at the first intervention, and years from the child's first concern to the first intervention.",
      timeline: 'The rollout in every district', timelineNote: 'Adoptions, suspensions, reinstatements, funding, staffing and planned waves.',
      effect: 'What difference does the Vällingby team make?', effectNote: 'The change in the share accepting after adoption, against districts not yet adopted.',
      eventStudy: 'Effect by months since adoption',
      ownFigures: "The district's figures", worklist: 'Deadlines to watch (overdue first)', caseList: 'Cases',
      month: 'Month', district: 'District', value: 'Share', low: 'Lower bound', high: 'Upper bound', n: 'n (answered offers)',
      stage: 'Step', count: 'Count', measure: 'Measure', date: 'Date', kind: 'Event', details: 'Details',
      monthsSince: 'Months since adoption', att: 'Effect (percentage points)', cells: 'Cells', age: 'Age', children: 'Children',
      concerns: 'Concerns', protectionAssessments: 'Protection assessments', initialAssessments: 'Initial assessments',
      investigationsOpened: 'Investigations opened', investigationsConcluded: 'Investigations concluded', offers: 'Offers',
      accepted: 'Accepted', declined: 'Declined', interventionsStarted: 'Interventions started', interventionsEnded: 'Interventions ended',
      casesClosed: 'Cases closed',
      medianToAssessment: 'Concern → initial assessment, median (days)', p90ToAssessment: 'Concern → initial assessment, 90th percentile (days)',
      medianInvestigation: 'Investigation length, median (days)', p90Investigation: 'Investigation length, 90th percentile (days)',
      within14: 'Initial assessment within 14 days', overFourMonths: 'Investigations over 4 months',
      breachesINITIAL_ASSESSMENT: 'Breached: initial assessment', breachesINVESTIGATION: 'Breached: investigation',
      breachesPROTECTION_ASSESSMENT: 'Breached: protection assessment',
      shareUnder10AtIntervention: 'First intervention before age 10', share13to17AtIntervention: 'First intervention at 13–17',
      medianYearsToIntervention: 'Years from first concern to first intervention, median', shareTwoYears: 'First intervention two years or more after the first concern',
      acceptanceRate: 'Share accepting', days: 'days', deadline14: '14 days', deadline4m: '4 months',
      ADOPTED: 'Adopted', SUSPENDED: 'Suspended', REINSTATED: 'Reinstated', FUNDING: 'Funding', STAFFING: 'Staffing',
      PLANNED_ADOPTION: 'Planned adoption', wave: 'wave', posts: 'posts', filled: 'filled',
      aggregateEffect: 'Aggregate effect', interval95: '95 % interval', treatedDistricts: 'districts adopted',
      comparisonDistricts: 'comparison districts', warnings: 'Warnings', caveat: 'Keep in mind',
      caseId: 'Case', nextDue: 'Next deadline', dueDate: 'Due', daysLeft: 'Days left', overdue: 'Overdue',
      status: 'Status', receivedAt: 'Received', reporter: 'Reporter', previous: 'Previous', next: 'Next', page: 'Page',
      OPEN: 'Open', CLOSED: 'Closed', TRANSFERRED: 'Transferred', INITIAL_ASSESSMENT: 'Initial assessment',
      INVESTIGATION: 'Investigation', PROTECTION_ASSESSMENT: 'Protection assessment', yes: 'yes', no: 'no',
      PRESCHOOL: 'Preschool', SCHOOL: 'School', POLICE: 'Police', HEALTHCARE: 'Healthcare', SOCIAL_SERVICES: 'Social services',
      FAMILY: 'Family',
      answerTitle: 'Do families accept the support?', answerNote: 'Share of families accepting the support offered, by work model,',
      wholePeriod: 'Whole period', last12: 'Last 12 months', of: 'of', families: 'families', to: 'to', in: 'in',
      districtsLower: 'districts', modelsToday: "Each district's work model today", districtsRunTeam: 'districts work with the Vällingby team today.',
      ignoresDistricts: 'For the whole city: the district choice is not used here.',
      effectIgnores: 'The estimate uses the whole period and every district; the concern filter applies, the other filters do not.',
      ppLong: 'percentage points', ppShort: 'percentage points', ppUnit: 'Percentage points', to_: 'to',
      effectUnknown: 'The effect cannot be estimated from these data.',
      evidenceStrong: 'Strong evidence: the whole interval lies on one side of zero and is narrow.',
      evidenceModerate: 'Some evidence: the interval lies on one side of zero but is wide.',
      evidenceWeak: 'Weak evidence: the interval holds both no effect and a large one.',
      evidenceNone: 'No interval could be computed; read the figure with great care.',
      warnExcluded: 'Left out of the estimate:', warnComparisons: 'The comparison rests on {n} districts not yet adopted.',
      warnNotProof: 'With about a dozen districts this is evidence, not proof.', allWarnings: 'All caveats',
      reasonNoBase: 'no comparable months just before adoption', reasonNoComparison: 'no comparison district had data for the same time',
      reasonOther: 'left out for reasons of method', warnSingleCohort: '{n} points of the effect curve rest on a single district.',
      warnSpells: 'the work model was suspended and reinstated; only the first spell is used.',
      eventStudyNote: 'Difference in percentage points against the comparison districts, from two years before to three years after adoption. Grey points rest on few districts.',
      monthsSinceShort: 'Months from adoption', forSpecialists: 'More figures for analysts: funnel, lead times, age, timeline, effect curve',
      acceptanceByModelQuarter: 'Share of families accepting, by work model and quarter',
      byQuarterNote: 'Shown by quarter: too many months had too few cases to show.', quarter: 'Quarter', quarterShort: 'Q',
      gapNote: 'Grey bands: too few cases, the figure is withheld (not zero).', withheldShort: 'Too few cases',
      protectionNote: 'Disclosure control: small counts are changed slightly at random so that no one can be singled out; shares resting on fewer than 10 answers (or fewer than 20 with under 5 yes or no) are withheld.',
      reasonBUDGET: 'budget', reasonRECRUITMENT: 'recruitment', reasonOTHER: 'other reason',
      notFoundTitle: 'Page not found', notFoundText: 'There is no page at this address. Check the address, or go to the start page.',
      notFoundHome: 'To the start page',
      forbiddenTitle: 'This page is not open to you', forbiddenText: 'Your role may not open this page (403). The audit pages, for one, are for auditors only.',
      forbiddenSignIn: 'Sign in as someone else',
      auditView: 'Audit', auditIntro: 'Everything you read here is recorded in the access log, as when it is read through the API.',
      findCase: 'Find a case', caseIdLabel: 'Case id', openCase: 'Show the case', pinLabel: 'Personal identity number', findByPin: 'Find cases',
      pinNote: 'The number is sent in the request body, never in the address, so it ends up in no log.',
      noCasesForPin: 'No cases for that number.', notFoundCase: 'There is no such case.', badInput: 'The input is malformed.',
      signedOutNote: 'You are signed out.', caseTitle: 'Case', chainedAfter: 'The events were chained after the fact, when the chain was introduced',
      verifyCase: 'Verify the chain', exportCase: 'Download the export', exported: 'The export is downloaded.',
      historyTitle: 'Events in order', historyLoaded: 'The case has {n} events.', sequence: 'Sequence', actor: 'By',
      occurredAt: 'Happened', recordedAt: 'Recorded', freeText: 'Free text', erased: '(erased)',
      intact: 'The chain is intact: all {n} events are unchanged.', broken: 'The chain is broken at event {seq}.', why: 'Why:',
      stateTitle: 'The case at a point in time', stateAt: 'Time', stateBasis: 'Seen', asOf: 'as the system knew it then (recorded time)',
      validAt: 'as it was in the world (business time)', showState: 'Show', stateAsOf: 'As the system knew it', stateValidAt: 'As it was',
      eventsApplied: '{n} events had happened.', notYet: 'the case did not exist yet.', differences: 'Differ between business and recorded time:',
      digestsTitle: 'The daily digest of every chain', showDigest: 'Fetch and verify', digestOf: 'The digest of',
      casesLower: 'cases', computedAt: 'computed', digestIntact: 'The digest matches: no history before the end of the day was rewritten.',
      digestNotLived: 'No digest of that day: the event store did not exist yet. Choose a later day.',
      digestBroken: 'The digest does not match: {a} cases stored, {b} counted now. History was rewritten.',
      accessTitle: 'Access log', user: 'User', fromDate: 'From', toDate: 'To (inclusive)', verifyLog: "Verify the log's chain",
      logIntact: "The log's chain is intact: {n} entries.", logBroken: "The log's chain is broken at entry {pos}.", readAt: 'Read', role: 'Role',
      endpointCol: 'What', casesCol: 'Cases',
      roleDISTRICT_WORKER: 'case worker', roleDISTRICT_SUPERVISOR: 'supervisor', roleDISTRICT_ADMIN: 'district admin',
      roleCITY_ANALYST: 'analyst', roleAUDITOR: 'auditor', rolePLATFORM_ADMIN: 'platform admin',
      evConcernRaised: 'Concern received', evWorkerAssigned: 'Worker assigned', evProtectionNeedAssessed: 'Protection need assessed',
      evInitialAssessmentCompleted: 'Initial assessment completed', evInvestigationOpened: 'Investigation opened', evInvestigationExtended: 'Investigation extended',
      evInvestigationConcluded: 'Investigation concluded', evInterventionOffered: 'Intervention offered', evFamilyAccepted: 'Family accepted',
      evFamilyDeclined: 'Family declined', evInterventionStarted: 'Intervention started', evInterventionEnded: 'Intervention ended',
      evCollaborationRecorded: 'Collaboration recorded', evOpenAccessSupportRecorded: 'Open-access support recorded', evCaseTransferred: 'Case transferred',
      evCaseClosed: 'Case closed', evPersonalDataErased: 'Personal data erased',
      fielddistrict: 'District', fieldworkModel: 'Work model', fieldstatus: 'Status', fieldreceivedAt: 'Received', fieldreporter: 'Reporter',
      fieldchildBirthMonth: "Child's birth month", fieldlastOccurredAt: 'Last event', fieldversion: 'Version', fieldcaseId: 'Case id',
      noRows: 'No rows.', chartOf: 'Chart: ', signedInAs: 'Signed in as'
    }
  };

  let lang = localStorage.getItem('tidigt.lang') || 'sv';
  if (!messages[lang]) {
    lang = 'sv';
  }

  const locale = () => (lang === 'sv' ? 'sv-SE' : 'en-GB');
  const formats = new Map();
  /** Intl's formatters are costly to make and a page's tables format thousands of cells: one of each kind per language. */
  function format(kind, make) {
    const key = locale() + ' ' + kind;
    if (!formats.has(key)) {
      formats.set(key, make(locale()));
    }
    return formats.get(key);
  }

  const i18n = {
    get lang() { return lang; },
    set(next) {
      lang = messages[next] ? next : 'sv';
      localStorage.setItem('tidigt.lang', lang);
      document.documentElement.lang = lang;
      i18n.apply(document);
    },
    toggle() { i18n.set(lang === 'sv' ? 'en' : 'sv'); },
    t(key) {
      const text = messages[lang][key];
      return text === undefined ? (messages.en[key] !== undefined ? messages.en[key] : key) : text;
    },
    /** Fills every element with data-i18n (text) or data-i18n-label (aria-label). */
    apply(root) {
      root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = i18n.t(el.dataset.i18n); });
      root.querySelectorAll('[data-i18n-label]').forEach(el => { el.setAttribute('aria-label', i18n.t(el.dataset.i18nLabel)); });
      document.title = i18n.t('appTitle');
    },
    percent(value) {
      return format('percent', l => new Intl.NumberFormat(l, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(value);
    },
    /** An axis label: whole percent ('40 %'). */
    percentWhole(value) {
      return format('percentWhole', l => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 })).format(value);
    },
    number(value, digits) {
      const most = digits === undefined ? 1 : digits;
      return format('number' + most, l => new Intl.NumberFormat(l, { maximumFractionDigits: most })).format(value);
    },
    /** '2024-03' as 'mars 2024' / 'Mar 2024'. */
    month(yearMonth) {
      const [y, m] = yearMonth.split('-').map(Number);
      return format('month', l => new Intl.DateTimeFormat(l, { year: 'numeric', month: 'short', timeZone: 'UTC' })).format(Date.UTC(y, m - 1, 1));
    },
    date(iso) {
      const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
      return format('date', l => new Intl.DateTimeFormat(l, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Europe/Stockholm' })).format(d);
    }
  };
  document.documentElement.lang = lang;
  window.TidigtI18n = i18n;
})();
