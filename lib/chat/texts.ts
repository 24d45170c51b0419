// Live chat's words: the greeting an organization starts from, and the widget's own texts in
// English and Turkish. Browser-safe (no server code): the admin page and the widget pages read them.

export const CHAT_LANGUAGES = ["en", "tr"] as const;
export type ChatLanguage = (typeof CHAT_LANGUAGES)[number];

/** What the original service greets with; an organization sets its own per language at /admin/chat. */
export const DEFAULT_GREETING: Record<ChatLanguage, string> = {
  en: "How may I help you",
  tr: "Size nasıl yardımcı olabilirim?",
};

export const chatLanguage = (value: string | null | undefined): ChatLanguage => (value?.toLowerCase().startsWith("tr") ? "tr" : "en");

/** The greeting in `language`, else the organization's English one, else the default. */
export function greetingFor(greeting: Record<string, string> | null | undefined, language: string | null | undefined): string {
  const lang = chatLanguage(language);
  return greeting?.[lang]?.trim() || greeting?.en?.trim() || DEFAULT_GREETING[lang];
}

/** The widget's texts (public/widget-panel.js receives them with its page). */
export const WIDGET_TEXTS: Record<ChatLanguage, Record<string, string>> = {
  en: {
    title: "Chat with us",
    placeholder: "Write a message…",
    send: "Send",
    attach: "Attach an image",
    close: "Close the chat",
    typing: "Typing…",
    closed: "The agent closed this chat. Write again to start a new one.",
    newChat: "Start a new chat",
    sound: "Sound",
    soundOn: "Sound on",
    soundOff: "Sound off",
    failed: "Not sent. Try again.",
    offline: "Reconnecting…",
    you: "You",
    agent: "Support",
    image: "Image",
    tooMany: "Too many messages. Wait a moment.",
    badImage: "Only PNG, JPG, GIF or WebP images.",
  },
  tr: {
    title: "Bize yazın",
    placeholder: "Bir mesaj yazın…",
    send: "Gönder",
    attach: "Resim ekle",
    close: "Sohbeti kapat",
    typing: "Yazıyor…",
    closed: "Temsilci bu sohbeti kapattı. Yeni bir sohbet için tekrar yazın.",
    newChat: "Yeni sohbet başlat",
    sound: "Ses",
    soundOn: "Ses açık",
    soundOff: "Ses kapalı",
    failed: "Gönderilemedi. Tekrar deneyin.",
    offline: "Yeniden bağlanıyor…",
    you: "Siz",
    agent: "Destek",
    image: "Resim",
    tooMany: "Çok fazla mesaj. Biraz bekleyin.",
    badImage: "Yalnızca PNG, JPG, GIF veya WebP resimler.",
  },
};
