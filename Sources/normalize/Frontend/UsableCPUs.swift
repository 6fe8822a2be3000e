import Foundation
import NormalizeKit

/// The default of `--jobs`: the CPUs this process may use (its affinity mask and its control
/// group's CPU quota, cgroup v2 `cpu.max` or v1 `cpu.cfs_quota_us`), not the host's cores, so
/// that a Spark executor or a container given 2 CPUs runs 2 workers. The parsing is
/// `CPUBudget`'s; this reads the files Linux reports them in.
enum UsableCPUs {
  static let count: Int = {
    let online = ProcessInfo.processInfo.processorCount
    #if os(Linux)
      func read(_ path: String) -> String? {
        // /proc and /sys files are small; a missing one means that limit is unknown.
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
      }
      var affinity: Int? = nil
      if let status = read("/proc/self/status"),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed_list:") }
        )
      {
        affinity = CPUBudget.cpuCount(
          affinityList: String(line.dropFirst("Cpus_allowed_list:".count)))
      }
      var quotas: [Int] = []
      let cgroups = read("/proc/self/cgroup") ?? ""
      if let path = CPUBudget.cgroupPath(procSelfCgroup: cgroups, version: 2) {
        // The quota of the process's group and of every group above it.
        var folder = "/sys/fs/cgroup" + (path == "/" ? "" : path)
        while folder.hasPrefix("/sys/fs/cgroup") {
          if let line = read(folder + "/cpu.max"), let cpus = CPUBudget.quotaCPUs(cgroupV2Max: line)
          {
            quotas.append(cpus)
          }
          if folder == "/sys/fs/cgroup" { break }
          folder = (folder as NSString).deletingLastPathComponent
        }
      }
      if let path = CPUBudget.cgroupPath(procSelfCgroup: cgroups, version: 1) {
        for mount in ["/sys/fs/cgroup/cpu,cpuacct", "/sys/fs/cgroup/cpu"] {
          for folder in [mount + path, mount] {
            if let quota = read(folder + "/cpu.cfs_quota_us").flatMap({
              Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
            }),
              let period = read(folder + "/cpu.cfs_period_us").flatMap({
                Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
              }),
              let cpus = CPUBudget.quotaCPUs(quota: quota, period: period)
            {
              quotas.append(cpus)
            }
          }
        }
      }
      return CPUBudget.usable(online: online, affinity: affinity, quotas: quotas)
    #else
      return ProcessInfo.processInfo.activeProcessorCount
    #endif
  }()
}
