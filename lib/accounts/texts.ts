// The words of the customer account pages (sign-in, sign-up, forgotten password, settings) and
// of their field errors, in English and Turkish. Browser-safe.
import type { FieldLocale } from "@/lib/validation/drf";

export type AccountLocale = FieldLocale;
export const ACCOUNT_LOCALES: readonly AccountLocale[] = ["en", "tr"];
export const isAccountLocale = (v: unknown): v is AccountLocale => v === "en" || v === "tr";

/** Field error codes of this domain (lib/validation/drf.ts words the generic ones). */
export const ACCOUNT_ERRORS: Record<AccountLocale, Record<string, (p: string) => string>> = {
  en: {
    email_taken: () => "A user is already registered with this e-mail address.",
    password_mismatch: () => "The two password fields didn't match.",
    bad_credentials: () => "Unable to log in with provided credentials.",
    throttled: () => "Too many attempts. Wait a few minutes and try again.",
    reset_invalid: () => "This password reset link is invalid, expired or already used. Ask for a new one.",
  },
  tr: {
    email_taken: () => "Bu e-posta adresiyle kayıtlı bir kullanıcı zaten var.",
    password_mismatch: () => "İki parola alanı eşleşmedi.",
    bad_credentials: () => "Verilen bilgilerle giriş yapılamadı.",
    throttled: () => "Çok fazla deneme yapıldı. Birkaç dakika bekleyip tekrar deneyin.",
    reset_invalid: () => "Bu parola sıfırlama bağlantısı geçersiz, süresi dolmuş ya da daha önce kullanılmış. Yeni bir bağlantı isteyin.",
  },
};

export interface AccountTexts {
  language: string;
  email: string;
  password: string;
  optional: string;
  fixErrors: string;
  signIn: {
    title: string;
    intro: string;
    submit: string;
    pending: string;
    noAccount: string;
    signUp: string;
    forgot: string;
    wrong: string;
    throttled: string;
  };
  signUp: {
    title: string;
    intro: string;
    firstName: string;
    lastName: string;
    passwordHint: string;
    phone: string;
    notify: string;
    emailAllowed: string;
    smsAllowed: string;
    submit: string;
    pending: string;
    haveAccount: string;
    signIn: string;
  };
  forgot: { title: string; intro: string; submit: string; pending: string; sent: string; back: string };
  reset: { title: string; intro: string; repeat: string; submit: string; pending: string; done: string; invalid: string; again: string };
  account: {
    title: string;
    hello: (name: string) => string;
    messages: string;
    messagesHint: string;
    changePassword: string;
    settings: string;
    notify: string;
    notifyHint: string;
    emailAllowed: string;
    smsAllowed: string;
    save: string;
    saved: string;
    signOut: string;
  };
  resetMail: { subject: string; body: (name: string, link: string, minutes: number) => string };
}

export const ACCOUNT_TEXTS: Record<AccountLocale, AccountTexts> = {
  en: {
    language: "Language",
    email: "E-mail",
    password: "Password",
    optional: "optional",
    fixErrors: "Please check the highlighted fields.",
    signIn: {
      title: "Sign in",
      intro: "Sign in to read and answer your conversations with sellers.",
      submit: "Sign in",
      pending: "Signing in…",
      noAccount: "No account yet?",
      signUp: "Create one",
      forgot: "Forgot your password?",
      wrong: "Wrong e-mail or password.",
      throttled: "Too many failed attempts. Wait a few minutes and try again.",
    },
    signUp: {
      title: "Create your account",
      intro: "One account for asking sellers questions, your messages and their answers.",
      firstName: "First name",
      lastName: "Last name",
      passwordHint: "At least 8 characters.",
      phone: "Phone",
      notify: "E-mail me when a seller answers",
      emailAllowed: "Send me news and offers by e-mail",
      smsAllowed: "Send me news and offers by SMS",
      submit: "Create account",
      pending: "Creating your account…",
      haveAccount: "Already have an account?",
      signIn: "Sign in",
    },
    forgot: {
      title: "Forgot your password?",
      intro: "Enter your e-mail address and we will send you a link to choose a new password.",
      submit: "Send the link",
      pending: "Sending…",
      sent: "If an account exists for that address, a link to choose a new password is on its way. It works once, for 60 minutes.",
      back: "Back to sign in",
    },
    reset: {
      title: "Choose a new password",
      intro: "Your new password replaces the old one and signs you out everywhere else.",
      repeat: "Repeat the new password",
      submit: "Save the new password",
      pending: "Saving…",
      done: "Your password has been changed. Sign in with the new one.",
      invalid: "This link is invalid, has expired or was already used.",
      again: "Ask for a new link",
    },
    account: {
      title: "Your account",
      hello: (name) => `Hello, ${name}`,
      messages: "My messages",
      messagesHint: "Your conversations with sellers: questions, messages and reviews.",
      changePassword: "Change password",
      settings: "Notifications",
      notify: "E-mail me when a seller answers",
      notifyHint: "Only when you are not reading your messages at that moment.",
      emailAllowed: "News and offers by e-mail",
      smsAllowed: "News and offers by SMS",
      save: "Save",
      saved: "Saved.",
      signOut: "Sign out",
    },
    resetMail: {
      subject: "Choose a new password",
      body: (name, link, minutes) =>
        `Hello ${name},\n\nSomeone (hopefully you) asked to reset the password of your account.\nChoose a new one here — the link works once, for ${minutes} minutes:\n\n${link}\n\nIf it was not you, ignore this e-mail: your password stays as it is.\n`,
    },
  },
  tr: {
    language: "Dil",
    email: "E-posta",
    password: "Parola",
    optional: "isteğe bağlı",
    fixErrors: "Lütfen işaretli alanları kontrol edin.",
    signIn: {
      title: "Giriş yap",
      intro: "Satıcılarla yazışmalarınızı okumak ve yanıtlamak için giriş yapın.",
      submit: "Giriş yap",
      pending: "Giriş yapılıyor…",
      noAccount: "Hesabınız yok mu?",
      signUp: "Hesap oluşturun",
      forgot: "Parolanızı mı unuttunuz?",
      wrong: "E-posta veya parola hatalı.",
      throttled: "Çok fazla hatalı deneme. Birkaç dakika bekleyip tekrar deneyin.",
    },
    signUp: {
      title: "Hesabınızı oluşturun",
      intro: "Satıcılara soru sormak, mesajlarınız ve yanıtları için tek hesap.",
      firstName: "Ad",
      lastName: "Soyad",
      passwordHint: "En az 8 karakter.",
      phone: "Telefon",
      notify: "Satıcı yanıtladığında bana e-posta gönder",
      emailAllowed: "Haber ve kampanyaları e-posta ile gönder",
      smsAllowed: "Haber ve kampanyaları SMS ile gönder",
      submit: "Hesap oluştur",
      pending: "Hesabınız oluşturuluyor…",
      haveAccount: "Zaten hesabınız var mı?",
      signIn: "Giriş yapın",
    },
    forgot: {
      title: "Parolanızı mı unuttunuz?",
      intro: "E-posta adresinizi girin; yeni bir parola seçmeniz için size bir bağlantı gönderelim.",
      submit: "Bağlantıyı gönder",
      pending: "Gönderiliyor…",
      sent: "Bu adresle bir hesap varsa yeni parola bağlantısı yola çıktı. Bağlantı bir kez ve 60 dakika boyunca geçerlidir.",
      back: "Girişe dön",
    },
    reset: {
      title: "Yeni bir parola seçin",
      intro: "Yeni parolanız eskisinin yerini alır ve diğer tüm oturumlarınızı kapatır.",
      repeat: "Yeni parolayı tekrarlayın",
      submit: "Yeni parolayı kaydet",
      pending: "Kaydediliyor…",
      done: "Parolanız değiştirildi. Yeni parolanızla giriş yapın.",
      invalid: "Bu bağlantı geçersiz, süresi dolmuş ya da daha önce kullanılmış.",
      again: "Yeni bağlantı isteyin",
    },
    account: {
      title: "Hesabım",
      hello: (name) => `Merhaba, ${name}`,
      messages: "Mesajlarım",
      messagesHint: "Satıcılarla yazışmalarınız: sorular, mesajlar ve değerlendirmeler.",
      changePassword: "Şifreyi değiştir",
      settings: "Bildirimler",
      notify: "Satıcı yanıtladığında bana e-posta gönder",
      notifyHint: "Yalnızca o sırada mesajlarınızı okumuyorsanız.",
      emailAllowed: "E-posta ile haber ve kampanyalar",
      smsAllowed: "SMS ile haber ve kampanyalar",
      save: "Kaydet",
      saved: "Kaydedildi.",
      signOut: "Çıkış yap",
    },
    resetMail: {
      subject: "Yeni bir parola seçin",
      body: (name, link, minutes) =>
        `Merhaba ${name},\n\nBiri (umarız siz) hesabınızın parolasını sıfırlamak istedi.\nYeni parolanızı buradan seçin — bağlantı bir kez ve ${minutes} dakika boyunca geçerlidir:\n\n${link}\n\nBu siz değilseniz bu e-postayı yok sayın: parolanız değişmez.\n`,
    },
  },
};
