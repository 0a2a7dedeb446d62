export function App() {
  return (
    <main>
      <h1>Digit recogniser</h1>
      <p>The drawing app is coming; the recognition core is in place.</p>
    </main>
  );
}
