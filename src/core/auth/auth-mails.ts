// The e-mails of core/auth, Bahasa Indonesia first and English second.
import type { Mail } from '../outbox/enqueue';

const sign = '\n\n— Pamong';

export function passwordResetMail(to: string, link: string): Mail {
  return {
    to,
    subject: 'Atur ulang kata sandi Pamong / Reset your Pamong password',
    text:
      `Kami menerima permintaan untuk mengatur ulang kata sandi akun Pamong Anda. Buka tautan berikut dalam 1 jam:\n${link}\n\n` +
      'Jika Anda tidak memintanya, abaikan e-mail ini; kata sandi Anda tidak berubah.\n\n' +
      `We received a request to reset the password of your Pamong account. Open this link within 1 hour:\n${link}\n\n` +
      `If you did not ask for this, ignore this e-mail; your password has not changed.${sign}`,
  };
}

export function staffInviteMail(to: string, name: string, agencyName: string, link: string): Mail {
  return {
    to,
    subject: 'Akun Pamong Anda / Your Pamong account',
    text:
      `Yth. ${name},\n\nAkun Pamong untuk ${agencyName} telah dibuat untuk Anda. Buat kata sandi Anda melalui tautan ` +
      `berikut dalam 72 jam, lalu masuk dan daftarkan aplikasi autentikator:\n${link}\n\n` +
      `Dear ${name},\n\nA Pamong account for ${agencyName} has been created for you. Set your password with this link ` +
      `within 72 hours, then sign in and set up an authenticator app:\n${link}${sign}`,
  };
}

export function verifyEmailMail(to: string, name: string, link: string): Mail {
  return {
    to,
    subject: 'Verifikasi e-mail Pamong / Verify your Pamong e-mail',
    text:
      `Halo ${name},\n\nTerima kasih telah mendaftar. Buka tautan berikut dalam 48 jam untuk memverifikasi alamat e-mail Anda:\n${link}\n\n` +
      `Hello ${name},\n\nThank you for registering. Open this link within 48 hours to verify your e-mail address:\n${link}${sign}`,
  };
}

export function alreadyRegisteredMail(to: string, loginLink: string, resetLink: string): Mail {
  return {
    to,
    subject: 'Akun Pamong Anda sudah ada / Your Pamong account already exists',
    text:
      `Seseorang mencoba mendaftar di Pamong dengan alamat e-mail ini, tetapi akun dengan alamat ini sudah ada. ` +
      `Jika itu Anda, silakan masuk (${loginLink}) atau atur ulang kata sandi (${resetLink}). Jika bukan, abaikan e-mail ini.\n\n` +
      `Someone tried to register at Pamong with this e-mail address, but an account with it already exists. ` +
      `If that was you, sign in (${loginLink}) or reset your password (${resetLink}). If not, ignore this e-mail.${sign}`,
  };
}
