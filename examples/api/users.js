import express from 'express';
import { pool } from './db.js';
import { User } from './models.js';

export const router = express.Router();

// Search: the term is pasted into the SQL text.
router.get('/search', async (req, res) => {
  const sql = "SELECT id, name FROM users WHERE name = '" + req.query.name + "'";
  const { rows } = await pool.query(sql);
  res.json(rows);
});

// Profile by id: no check that the record belongs to the caller, and the whole record is returned.
router.get('/:id', async (req, res) => {
  const user = await User.findByPk(req.params.id);
  res.json(user);
});

// Update: the request body is written straight into the model.
router.put('/:id', async (req, res) => {
  const user = await User.findByPk(req.params.id);
  await user.update(req.body);
  res.json({ ok: true });
});

// Sorting by a column the client picks.
router.get('/', async (req, res) => {
  const { rows } = await pool.query(`SELECT id, name FROM users ORDER BY ${req.query.sort}`);
  res.json(rows);
});
