/**
 * A POST that reports how much of its body was sent (`fetch` cannot): the status and the JSON
 * answer (undefined when not JSON), or a rejection when the network failed. Each API client
 * adds its own headers and turns the answer into its own error type.
 */
export function xhrPost(
  url: string,
  body: XMLHttpRequestBodyInit,
  options: { headers: Record<string, string>; onProgress?: ((fraction: number) => void) | undefined },
): Promise<{ status: number; payload: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    for (const [name, value] of Object.entries(options.headers)) xhr.setRequestHeader(name, value)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(Math.min(1, event.loaded / event.total))
    }
    xhr.onload = () => {
      let payload: unknown
      try {
        payload = JSON.parse(xhr.responseText)
      } catch {
        payload = undefined
      }
      resolve({ status: xhr.status, payload })
    }
    xhr.onerror = xhr.ontimeout = xhr.onabort = () => reject(new Error('network failure'))
    xhr.send(body)
  })
}
