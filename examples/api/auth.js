import express from 'express';
import jwt from 'jsonwebtoken';
import { User } from './models.js';

export const router = express.Router();

const JWT_SECRET = process.env.JWT_SECRET || 'dev-secret';

router.post('/login', async (req, res) => {
  // The whole body, password included, goes to the log.
  console.log('login attempt', req.body);
  const user = await User.findOne({ where: { email: req.body.email } });
  if (!user || !(await user.checkPassword(req.body.password))) return res.status(401).end();
  // The password hash goes into a token that never expires.
  const token = jwt.sign({ sub: user.id, email: user.email, passwordHash: user.passwordHash }, JWT_SECRET);
  res.json({ token });
});

export function requireUser(req, res, next) {
  const token = (req.headers.authorization || '').replace('Bearer ', '');
  try {
    // No algorithm allow-list.
    req.user = jwt.verify(token, JWT_SECRET);
    next();
  } catch {
    res.status(401).end();
  }
}

export function currentUser(req) {
  // decode() does not check the signature.
  return jwt.decode(req.cookies.token);
}

router.post('/password-reset', async (req, res) => {
  // Math.random() is predictable: a reset code made from it can be guessed.
  const resetCode = Math.random().toString(36).slice(2, 8);
  await User.update({ resetCode }, { where: { email: req.body.email } });
  res.status(202).end();
});

export function requireApiKey(req, res, next) {
  // `!==` stops at the first differing character, so the key can be guessed byte by byte.
  if (req.get('x-api-key') !== process.env.API_KEY) return res.status(401).end();
  next();
}
