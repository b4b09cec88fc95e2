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
      demoUsers: 'Demoanvändare: analyst, admin, hv-admin, jarva-admin, <stadsdel>-admin – lösenord demo.',
      cityView: 'Stadsvy', districtView: 'Stadsdelsvy',
      filters: 'Urval', from: 'Från månad', to: 'Till månad', districts: 'Stadsdelar', allDistricts: 'Alla stadsdelar',
      workModel: 'Arbetssätt', concern: 'Oro för', all: 'Alla', targetGroup: 'Teamets målgrupp (missbruk, kriminalitet)',
      apply: 'Visa', reset: 'Återställ', downloadCsv: 'Ladda ner CSV',
      loading: 'Hämtar siffror …', loaded: 'Siffrorna är uppdaterade.', failed: 'Kunde inte hämta: ',
      showTable: 'Visa siffrorna som tabell', suppressed: 'skyddad', suppressedNote: 'Skyddad: färre än 5 ärenden, visas inte för att ingen ska kunna identifieras.',
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
      effect: 'Effekten av införandet', effectNote: 'Skillnad i andel som tackar ja efter införandet, jämfört med stadsdelar som ännu inte infört.',
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
      demoUsers: 'Demo users: analyst, admin, hv-admin, jarva-admin, <district>-admin – password demo.',
      cityView: 'City view', districtView: 'District view',
      filters: 'Filters', from: 'From month', to: 'To month', districts: 'Districts', allDistricts: 'All districts',
      workModel: 'Work model', concern: 'Concern about', all: 'All', targetGroup: "The team's target group (substance use, crime)",
      apply: 'Show', reset: 'Reset', downloadCsv: 'Download CSV',
      loading: 'Fetching figures …', loaded: 'The figures are up to date.', failed: 'Could not fetch: ',
      showTable: 'Show the numbers as a table', suppressed: 'suppressed', suppressedNote: 'Suppressed: fewer than 5 cases, withheld so that no one can be identified.',
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
      effect: 'The effect of the rollout', effectNote: 'Change in the share accepting after adoption, against districts not yet adopted.',
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
      noRows: 'No rows.', chartOf: 'Chart: ', signedInAs: 'Signed in as'
    }
  };

  let lang = localStorage.getItem('tidigt.lang') || 'sv';
  if (!messages[lang]) {
    lang = 'sv';
  }

  const locale = () => (lang === 'sv' ? 'sv-SE' : 'en-GB');

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
      return new Intl.NumberFormat(locale(), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
    },
    number(value, digits) {
      return new Intl.NumberFormat(locale(), { maximumFractionDigits: digits === undefined ? 1 : digits }).format(value);
    },
    /** '2024-03' as 'mars 2024' / 'Mar 2024'. */
    month(yearMonth) {
      const [y, m] = yearMonth.split('-').map(Number);
      return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
    },
    date(iso) {
      const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
      return new Intl.DateTimeFormat(locale(), { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'Europe/Stockholm' }).format(d);
    }
  };
  document.documentElement.lang = lang;
  window.TidigtI18n = i18n;
})();
