// `npm run check:electron`: runs the built Electron side (dist/electron/main.cjs, preload.cjs)
// under plain Node with a stand-in `electron` module made from the installed Electron's own
// type definitions (node_modules/electron/electron.d.ts). Every API the glue touches must be
// declared there, as a method where it is called and a value where it is read: a renamed or
// removed API fails here, without the Electron binary this machine cannot download.
//
// The stand-in answers each call with a value of the declared return type (an object of that
// type, a resolved promise, an empty string, false), so main.ts runs its start-up: the single
// instance lock, the menu, the protocols, the first window on the sample blog.
import { mkdtempSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Buffer } from 'node:buffer';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, URL } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);
const dts = require.resolve('electron/electron.d.ts');
const electronVersion = require('electron/package.json').version;
const dataFolder = mkdtempSync(path.join(os.tmpdir(), 'folio-check-electron-'));

const program = ts.createProgram([dts], { types: [], noLib: false, skipLibCheck: true });
const checker = program.getTypeChecker();
const moduleSymbol = checker
  .getAmbientModules()
  .find((symbol) => symbol.getName() === '"electron"');
if (!moduleSymbol) throw new Error(`No module "electron" in ${dts}`);

const violations = [];
const used = new Set();

/** Values some start-up calls need to be other than the empty default. */
const ANSWERS = {
  'app.requestSingleInstanceLock': () => true,
  'app.getPath': () => dataFolder,
  'app.getAppPath': () => root,
  'app.getVersion': () => '0.0.0',
  'app.getLocale': () => 'en-US',
  'dialog.showMessageBoxSync': () => 0,
};

function typeOfSymbol(symbol) {
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  return declaration
    ? checker.getTypeOfSymbolAtLocation(symbol, declaration)
    : checker.getAnyType();
}

/** A stand-in value of `type`; `where` names it in messages (`app.getPath`). */
function valueOf(type, where) {
  if (type.isUnion()) {
    const parts = type.types.filter(
      (t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)),
    );
    if (!parts.length) return undefined;
    const objects = parts.filter((t) => t.flags & ts.TypeFlags.Object);
    return valueOf(objects[0] ?? parts[0], where);
  }
  const flags = type.flags;
  if (flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Null)) return undefined;
  if (flags & ts.TypeFlags.StringLike) return type.isStringLiteral() ? type.value : '';
  if (flags & ts.TypeFlags.NumberLike) return type.isNumberLiteral() ? type.value : 0;
  if (flags & ts.TypeFlags.BooleanLike) return false;
  if (flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return undefined;
  const name = type.getSymbol()?.getName();
  if (name === 'Promise') {
    const [inner] = checker.getTypeArguments(type);
    return Promise.resolve(inner ? valueOf(inner, where) : undefined);
  }
  if (name === 'Array' || checker.isArrayType?.(type)) return [];
  if (name === 'Buffer' || name === 'Uint8Array') return Buffer.alloc(0);
  if (name === 'Function') return () => undefined;
  if (type.getCallSignatures().length && !type.getProperties().length)
    return (...args) => call(type.getCallSignatures()[0], where, args);
  return standIn(type, where);
}

function call(signature, where, args) {
  const answer = ANSWERS[where];
  if (answer) return answer(...args);
  return valueOf(signature.getReturnType(), where);
}

/** An object that has exactly the members `type` declares. */
function standIn(type, where, construct = null) {
  const values = new Map();
  const target = construct ? function StandIn() {} : {};
  return new Proxy(target, {
    get(_target, key) {
      if (typeof key === 'symbol') return undefined;
      // Promise resolution and console inspection ask for these of any value.
      if (key === 'then' || key === 'toJSON' || key === 'inspect' || key === 'constructor')
        return undefined;
      const member = checker.getPropertyOfType(type, key);
      const name = `${where}.${key}`;
      if (!member) {
        violations.push(`${name} is not in electron.d.ts (Electron ${electronVersion})`);
        throw new TypeError(`${name} is not in electron.d.ts`);
      }
      used.add(name);
      if (values.has(key)) return values.get(key);
      const memberType = typeOfSymbol(member);
      const signatures = memberType.getCallSignatures();
      const value = signatures.length
        ? (...args) => call(signatures[0], name, args)
        : valueOf(memberType, name);
      values.set(key, value);
      return value;
    },
    set(_target, key, value) {
      if (typeof key === 'string' && !checker.getPropertyOfType(type, key))
        violations.push(`${where}.${key} is set but not in electron.d.ts`);
      values.set(key, value);
      return true;
    },
    construct() {
      used.add(`new ${where}`);
      return standIn(
        construct,
        where.replace(/^./, (c) => c.toLowerCase()),
      );
    },
  });
}

// The module: each export, a class as a constructor (its statics checked too).
const fake = {};
for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
  const name = symbol.getName();
  const resolved = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  if (!(resolved.flags & ts.SymbolFlags.Value)) continue;
  if (resolved.flags & ts.SymbolFlags.Class) {
    fake[name] = standIn(typeOfSymbol(resolved), name, checker.getDeclaredTypeOfSymbol(resolved));
  } else fake[name] = valueOf(typeOfSymbol(resolved), name);
}

// The check can fail: a member electron.d.ts does not declare is reported.
try {
  void fake.app.aMemberNoElectronHas;
} catch {
  // Expected.
}
if (violations.length !== 1) throw new Error('The stand-in let an undeclared member through');
violations.length = 0;

const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'electron' || request === 'electron/main' || request === 'electron/renderer')
    return fake;
  return load.call(this, request, parent, isMain);
};

const failures = [];
process.on('unhandledRejection', (error) => failures.push(String(error?.stack ?? error)));
process.env.FOLIO_USER_DATA = dataFolder;

for (const bundle of ['main.cjs', 'preload.cjs']) {
  const file = path.join(root, 'dist', 'electron', bundle);
  try {
    require(file);
  } catch (error) {
    failures.push(`${bundle}: ${error?.stack ?? error}`);
  }
}
// The site view is created per window: show one, as the Site tab does.
try {
  // From source, compiled by tsx as CommonJS, so its `electron` is the stand-in too.
  const tsx = require('tsx/cjs/api');
  const { createSiteView } = tsx.require(
    path.join(root, 'electron', 'site-view.ts'),
    import.meta.url,
  );
  const view = createSiteView(new fake.BrowserWindow({}));
  view.show('http://127.0.0.1:4000/', { x: 0, y: 0, width: 100, height: 100 }, 0);
  view.hide();
} catch (error) {
  failures.push(`site-view.ts: ${error?.stack ?? error}`);
}

// Start-up runs on after whenReady: let it.
await sleep(1500);
rmSync(dataFolder, { recursive: true, force: true });

const problems = [...new Set([...violations, ...failures])];
console.log(
  `check:electron: Electron ${electronVersion}, ${used.size} API members used by main.cjs and preload.cjs${problems.length ? '' : ', all declared in electron.d.ts'}.`,
);
if (process.argv.includes('--list')) console.log([...used].sort().join('\n'));
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
process.exit(0);
