import { useState } from 'react';

export function LoginForm() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');

  async function submit(event) {
    event.preventDefault();
    const res = await fetch('/auth/login', { method: 'POST', body: JSON.stringify({ email, password }) });
    const data = await res.json();
    // Any script on the page can read this token.
    localStorage.setItem('token', data.token);
    localStorage.setItem('theme', 'dark');
  }

  return (
    <form onSubmit={submit}>
      <input value={email} onChange={(e) => setEmail(e.target.value)} />
      <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} />
    </form>
  );
}
