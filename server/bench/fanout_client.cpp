// The client side of the fan-out benchmark (issue 17, run by server/bench/fanout.mjs): N event streams held open
// by one thread with epoll, so that the measurement is the server's fan-out rather than the cost of a scripting
// runtime's per-socket machinery on the same two cores.
//
//   fanout_client <port> <streams> <cookie>
// Opens the streams, prints "ready <open>" when every stream has had its `ready` event, then, for each line
// "go <marker>" on standard input (written right after a posting was acknowledged), prints once every stream has
// seen <marker> or 10 s have passed: "delivered <n> first_ms <t> p50_ms <t> p99_ms <t> max_ms <t>", the times
// from the first stream to the others (first_ms: from "go" to the first stream). Ends at end of input.
//
// When a stream got the notice is the kernel's arrival time of the bytes that completed the marker
// (SO_TIMESTAMPNS), not the moment this client got round to reading them. During the fan-out the client does not
// read at all: it sleeps, and reads everything with its arrival times afterwards. A client on another machine
// costs the server nothing; on the two cores this one shares with the server, every read it made during the
// fan-out was taken from the sends it measured (about 3 µs each, 10,000 of them).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Stream {
  int fd = -1;
  bool ready = false;
  bool got = false;
  double at_ms = 0;  // arrival of the marker, CLOCK_REALTIME in ms (the clock of the kernel's timestamps)
  std::string tail;  // the end of what was read so far, so a marker split across two reads is still found
};

int connect_to(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  ::setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPNS, &one, sizeof one);
  return fd;
}

bool contains(Stream& s, const char* data, std::size_t n, const std::string& needle) {
  s.tail.append(data, n);
  const bool found = s.tail.find(needle) != std::string::npos;
  if (s.tail.size() > needle.size()) s.tail.erase(0, s.tail.size() - needle.size());
  return found;
}

double to_ms(const timespec& ts) { return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6; }

double realtime_ms() {
  timespec ts{};
  ::clock_gettime(CLOCK_REALTIME, &ts);
  return to_ms(ts);
}

// One read with the kernel's arrival time of what it returns (the last segment's, when several were queued).
ssize_t read_stamped(int fd, char* buf, std::size_t size, double& arrived_ms) {
  iovec iov{buf, size};
  alignas(cmsghdr) char control[CMSG_SPACE(sizeof(timespec))];
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  const ssize_t r = ::recvmsg(fd, &msg, MSG_DONTWAIT);
  arrived_ms = 0;
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); r > 0 && c != nullptr; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_TIMESTAMPNS) {
      timespec ts{};
      std::memcpy(&ts, CMSG_DATA(c), sizeof ts);
      arrived_ms = to_ms(ts);
    }
  }
  if (r > 0 && arrived_ms == 0) arrived_ms = realtime_ms();  // no timestamp: the read time, later than arrival
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: fanout_client <port> <streams> <cookie>\n");
    return 2;
  }
  const int port = std::atoi(argv[1]);
  const int n = std::atoi(argv[2]);
  const std::string request = std::string("GET /api/v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ") + argv[3] +
                              "\r\nAccept: text/event-stream\r\n\r\n";
  const int ep = ::epoll_create1(0);
  std::vector<Stream> streams(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    auto& s = streams[static_cast<std::size_t>(i)];
    s.fd = connect_to(port);
    if (s.fd < 0) {
      std::perror("connect");
      return 1;
    }
    if (::write(s.fd, request.data(), request.size()) != static_cast<ssize_t>(request.size())) return 1;
    ::fcntl(s.fd, F_SETFL, ::fcntl(s.fd, F_GETFL) | O_NONBLOCK);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u32 = static_cast<std::uint32_t>(i);
    ::epoll_ctl(ep, EPOLL_CTL_ADD, s.fd, &ev);
  }

  std::vector<epoll_event> events(1024);
  char buf[16384];
  std::string marker;
  int ready = 0, got = 0;
  bool going = false;
  const auto read_some = [&](int timeout_ms) {
    const int k = ::epoll_wait(ep, events.data(), static_cast<int>(events.size()), timeout_ms);
    for (int e = 0; e < k; ++e) {
      auto& s = streams[events[static_cast<std::size_t>(e)].data.u32];
      // One read per readiness: epoll (level-triggered) reports the socket again if more is waiting.
      double arrived_ms = 0;
      const ssize_t r = read_stamped(s.fd, buf, sizeof buf, arrived_ms);
      if (r <= 0) continue;
      const auto len = static_cast<std::size_t>(r);
      if (!s.ready && std::string_view(buf, len).find("event: ready") != std::string_view::npos) {
        s.ready = true;
        ++ready;
      }
      if (going && !s.got && contains(s, buf, len, marker)) {
        s.got = true;
        s.at_ms = arrived_ms;
        ++got;
      }
    }
  };

  const auto open_deadline = Clock::now() + std::chrono::seconds(60);
  while (ready < n && Clock::now() < open_deadline) read_some(100);
  std::printf("ready %d\n", ready);
  std::fflush(stdout);

  // One round per "go" line: the same streams hear one notice after another.
  std::string line;
  while (std::getline(std::cin, line) && line.rfind("go ", 0) == 0) {
    marker = line.substr(3);
    for (auto& s : streams) {
      s.got = false;
      s.tail.clear();
    }
    got = 0;
    const double go_ms = realtime_ms();
    going = true;
    // Out of the way while the server sends (see the top of this file), then the arrivals are read back.
    ::usleep(1'500'000);
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (got < ready && Clock::now() < deadline) read_some(10);
    going = false;

    std::vector<double> at;
    for (const auto& s : streams)
      if (s.got) at.push_back(s.at_ms);
    std::sort(at.begin(), at.end());
    if (at.empty()) {
      std::printf("delivered 0\n");
    } else {
      const auto q = [&](double f) {
        return at[std::min(at.size() - 1, static_cast<std::size_t>(f * static_cast<double>(at.size())))] - at.front();
      };
      std::printf("delivered %zu first_ms %.1f p50_ms %.1f p99_ms %.1f max_ms %.1f\n", at.size(), at.front() - go_ms,
                  q(0.5), q(0.99), at.back() - at.front());
    }
    std::fflush(stdout);
  }
  return 0;
}
