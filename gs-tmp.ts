import setup from '/work/main/test/global-setup';
const r = await setup({ provide: () => {} } as never);
console.log('done');
process.on('exit', (c) => console.log('exit', c));
