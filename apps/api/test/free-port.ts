/** A TCP port free on 127.0.0.1 right now, for a server a test starts as a child process. */
import net from 'node:net'

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net
      .createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo
        server.close(() => resolve(port))
      })
      .on('error', reject)
  })
}
