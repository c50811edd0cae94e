package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// client talks JSON to one server. Its transport keeps enough idle
// connections for the concurrency-50 load, so the run measures requests
// rather than TCP handshakes.
type client struct {
	base string
	http *http.Client
}

func newClient(base string) *client {
	tr := &http.Transport{MaxIdleConns: 200, MaxIdleConnsPerHost: 200, IdleConnTimeout: time.Minute}
	return &client{base: base, http: &http.Client{Transport: tr, Timeout: 60 * time.Second}}
}

// response is what a measurement needs from an answer.
type response struct {
	status int
	header http.Header
	body   []byte
}

// do sends body (JSON-encoded unless nil or already []byte) with token and
// reads the whole answer.
func (c *client) do(ctx context.Context, method, path, token string, body any) (response, error) {
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		r = bytes.NewReader(b)
	default:
		enc, err := json.Marshal(b)
		if err != nil {
			return response{}, err
		}
		r = bytes.NewReader(enc)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, r)
	if err != nil {
		return response{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return response{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return response{status: res.StatusCode, header: res.Header, body: b}, err
}

// call is do for setup steps: it wants a 2xx and decodes the answer into
// out when out is not nil.
func (c *client) call(method, path, token string, body, out any) error {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	res, err := c.do(ctx, method, path, token, body)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	if res.status/100 != 2 {
		return fmt.Errorf("%s %s: status %d: %.300s", method, path, res.status, res.body)
	}
	if out != nil {
		if err := json.Unmarshal(res.body, out); err != nil {
			return fmt.Errorf("%s %s: decoding: %w", method, path, err)
		}
	}
	return nil
}

// timed sends one request and returns its latency in milliseconds; any
// status other than want is an error, so a failing route cannot look fast.
func (c *client) timed(method, path, token string, body any, want int) (float64, response, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	start := time.Now()
	res, err := c.do(ctx, method, path, token, body)
	ms := float64(time.Since(start).Microseconds()) / 1000
	if err == nil && res.status != want {
		err = fmt.Errorf("%s %s: status %d: %.300s", method, path, res.status, res.body)
	}
	return ms, res, err
}
