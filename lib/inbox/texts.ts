// The agent screens' words in the languages they speak (English, Turkish), chosen per agent
// (users.locale; the header's preferences menu). Browser-safe data, like lib/contact/texts.ts.

export const AGENT_LOCALES = ["en", "tr"] as const;
export type AgentLocale = (typeof AGENT_LOCALES)[number];
export const isAgentLocale = (v: unknown): v is AgentLocale => AGENT_LOCALES.includes(v as AgentLocale);
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

const en = {
  nav: { inbox: "Inbox", calls: "Calls", savedReplies: "Saved replies", admin: "Admin", signOut: "Sign out" },
  prefs: {
    button: "Preferences",
    language: "Language",
    theme: "Theme",
    themes: { system: "As the system", light: "Light", dark: "Dark" } as Record<Theme, string>,
  },
  sidebar: {
    views: "Views",
    open: "Open",
    mine: "Mine",
    unassigned: "Unassigned",
    unread: "Unread",
    snoozed: "Snoozed",
    closed: "Closed",
    all: "All",
    spam: "Spam",
    savedViews: "Views",
    channels: "Channels",
    tags: "Tags",
    moreFilters: "More filters",
    queues: "Queues",
    menu: "Filters",
  },
  list: {
    search: "Search conversations",
    searchPlaceholder: "Search messages, customers…",
    sort: "Sort",
    empty: "No conversations here.",
    back: "Back to the list",
  },
  thread: {
    open: "Open",
    closed: "Closed",
    assignee: "Assignee",
    unassigned: "Unassigned",
    me: "(me)",
    assignToMe: "Assign to me",
    take: "Take it",
    markRead: "Mark read",
    markUnread: "Mark unread",
    close: "Close",
    reopen: "Reopen",
    more: "More",
    unsnooze: "Unsnooze",
    alsoViewing: "Also viewing",
    replying: (names: string[]) => `${names.join(", ")} ${names.length === 1 ? "is" : "are"} replying…`,
    loading: "Opening the conversation…",
    slow: "Still loading — the connection is slow.",
    loadFailed: (why: string) => `This thread could not be loaded: ${why}`,
    noSubject: "(no subject)",
    tookIt: (who: string) => `${who} took it`,
    assigned: (who: string, to: string) => `${who} assigned it to ${to}`,
  },
  composer: {
    reply: "Reply",
    note: "Note",
    sendReply: "Send reply",
    addNote: "Add note",
    sending: "Sending…",
    stillSending: "Still sending… the server has not answered yet.",
    offline: "You are offline: the message will be sent when the connection is back.",
    timedOut: "The server did not answer in time. Your text is kept; try again.",
    savedReplies: "Saved replies",
    attach: "Attach files",
    draftSaved: "Draft saved",
    savingDraft: "Saving draft…",
  },
  panel: { customer: "Customer", otherThreads: "Other threads" },
};

export type AgentTexts = typeof en;

const tr: AgentTexts = {
  nav: { inbox: "Gelen kutusu", calls: "Aramalar", savedReplies: "Hazır yanıtlar", admin: "Yönetim", signOut: "Çıkış yap" },
  prefs: {
    button: "Tercihler",
    language: "Dil",
    theme: "Tema",
    themes: { system: "Sistem gibi", light: "Açık", dark: "Koyu" },
  },
  sidebar: {
    views: "Görünümler",
    open: "Açık",
    mine: "Benim",
    unassigned: "Atanmamış",
    unread: "Okunmamış",
    snoozed: "Ertelenmiş",
    closed: "Kapalı",
    all: "Tümü",
    spam: "İstenmeyen",
    savedViews: "Görünümler",
    channels: "Kanallar",
    tags: "Etiketler",
    moreFilters: "Diğer filtreler",
    queues: "Kuyruklar",
    menu: "Filtreler",
  },
  list: {
    search: "Konuşmalarda ara",
    searchPlaceholder: "Mesaj, müşteri ara…",
    sort: "Sırala",
    empty: "Burada konuşma yok.",
    back: "Listeye dön",
  },
  thread: {
    open: "Açık",
    closed: "Kapalı",
    assignee: "Atanan",
    unassigned: "Atanmamış",
    me: "(ben)",
    assignToMe: "Bana ata",
    take: "Üstlen",
    markRead: "Okundu yap",
    markUnread: "Okunmadı yap",
    close: "Kapat",
    reopen: "Yeniden aç",
    more: "Diğer",
    unsnooze: "Ertelemeyi kaldır",
    alsoViewing: "Bakanlar",
    replying: (names) => `${names.join(", ")} yanıt yazıyor…`,
    loading: "Konuşma açılıyor…",
    slow: "Hâlâ yükleniyor — bağlantı yavaş.",
    loadFailed: (why) => `Bu konuşma yüklenemedi: ${why}`,
    noSubject: "(konu yok)",
    tookIt: (who) => `${who} üstlendi`,
    assigned: (who, to) => `${who}, ${to} kişisine atadı`,
  },
  composer: {
    reply: "Yanıt",
    note: "Not",
    sendReply: "Yanıtı gönder",
    addNote: "Not ekle",
    sending: "Gönderiliyor…",
    stillSending: "Hâlâ gönderiliyor… sunucu henüz yanıt vermedi.",
    offline: "Çevrimdışısınız: mesaj bağlantı gelince gönderilecek.",
    timedOut: "Sunucu zamanında yanıt vermedi. Metniniz duruyor; tekrar deneyin.",
    savedReplies: "Hazır yanıtlar",
    attach: "Dosya ekle",
    draftSaved: "Taslak kaydedildi",
    savingDraft: "Taslak kaydediliyor…",
  },
  panel: { customer: "Müşteri", otherThreads: "Diğer konuşmalar" },
};

export const AGENT_TEXTS: Record<AgentLocale, AgentTexts> = { en, tr };
export const agentTexts = (locale: string | null | undefined): AgentTexts => AGENT_TEXTS[isAgentLocale(locale) ? locale : "en"];

/** Runs before the first paint (inline in the HTML), so a dark desk never flashes white. */
export const themeScript = (theme: Theme, locale: AgentLocale): string =>
  `(function(){var t=${JSON.stringify(theme)};var d=t==="dark"||(t==="system"&&matchMedia("(prefers-color-scheme: dark)").matches);` +
  `document.documentElement.classList.toggle("dark",d);document.documentElement.lang=${JSON.stringify(locale)};})()`;
