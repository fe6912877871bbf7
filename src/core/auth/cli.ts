// `pamong user …` commands (wired into src/cli.ts).
import type { Command } from 'commander';
import type { AppContext } from '../context';
import { AppError } from '../http/errors';
import { createUserFromCli } from './create-user-from-cli';
import { ROLES } from './roles';

export function registerUserCommands(
  program: Command,
  open: () => Promise<AppContext & { close(): Promise<void> }>,
): void {
  const user = program.command('user').description('Akun pengguna / user accounts');
  user
    .command('create')
    .description('Membuat akun staf / create a staff account (TOTP is set up at first sign-in)')
    .requiredOption('--email <email>', 'alamat e-mail / e-mail address')
    .requiredOption('--name <name>', 'nama lengkap / full name')
    .requiredOption('--agency <slug>', 'slug instansi / agency slug, e.g. banten')
    .requiredOption('--role <role>', `peran / role: ${ROLES.join(', ')}`)
    .option('--unit <id>', 'id unit (tanpa ini: seluruh instansi) / unit id (omit: agency-wide)')
    .option('--password <password>', 'kata sandi (tanpa ini: dibuatkan) / password (omit: one is generated)')
    .action(
      async (opts: { email: string; name: string; agency: string; role: string; unit?: string; password?: string }) => {
        const ctx = await open();
        try {
          const r = await createUserFromCli(ctx, opts);
          console.log(`Akun dibuat / account created: ${r.email} (${opts.role}${opts.unit ? ` @ ${opts.unit}` : ''})`);
          if (r.generated) {
            console.log(`Kata sandi / password: ${r.password}`);
            console.log('Simpan sekarang; tidak akan ditampilkan lagi. / Keep it now; it is not shown again.');
          }
        } catch (e) {
          if (e instanceof AppError) throw new Error(`${e.text.id} / ${e.text.en}`);
          throw e;
        } finally {
          await ctx.close();
        }
      },
    );
}
